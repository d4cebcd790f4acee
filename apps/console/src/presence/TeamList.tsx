import type { AgentPresence } from '@parley/protocol';
import { neutraliseBidi } from '@parley/protocol/display-text';
import { t } from '../i18n/i18n.ts';

interface TeamListProps {
  team: AgentPresence[];
  meId: string;
}

const ORDER = { online: 0, away: 1, offline: 2 } as const;

/** The team's presence and load, online first, behind a disclosure in the header. */
export function TeamList({ team, meId }: TeamListProps) {
  const others = team.filter((agent) => agent.agentId !== meId).sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.name.localeCompare(b.name));
  // Colleagues online: "Team: 0 online" while I am online myself read as a bug, so say "colleagues".
  const online = others.filter((agent) => agent.status === 'online').length;
  return (
    <details class="team">
      <summary>{t('team.summary', { online })}</summary>
      <div class="team-panel">
        <h2 class="team-heading">{t('team.heading')}</h2>
        <ul class="team-list">
          {others.map((agent) => (
            <li key={agent.agentId}>
              <span class={`dot ${agent.status}`} aria-hidden="true" />
              <bdi class="team-name">{neutraliseBidi(agent.name)}</bdi>
              <span class="team-status">{t(`presence.${agent.status}`)}</span>
              <span class="team-load">{t('team.load', { load: agent.load })}</span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
