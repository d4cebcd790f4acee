import { useState } from 'preact/hooks';
import { neutraliseBidi } from '@parley/protocol/display-text';
import type { JSX } from 'preact';
import type { AgentPresence, AgentProfile, ConversationSummary } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';

interface AssignControlsProps {
  summary: ConversationSummary;
  me: AgentProfile;
  team: AgentPresence[];
  /** `undefined`: to me; a string: to that agent; `null`: back to the queue. */
  onAssign: (agentId?: string | null) => void;
}

/** Who has the conversation, and the controls to take it, hand it on, or give it back. */
export function AssignControls({ summary, me, team, onAssign }: AssignControlsProps) {
  const [choice, setChoice] = useState('');
  const others = team.filter((agent) => agent.agentId !== me.agentId);
  const found = summary.assigneeId === me.agentId ? me.name : team.find((agent) => agent.agentId === summary.assigneeId)?.name;
  const assignee = found === undefined ? undefined : neutraliseBidi(found);
  return (
    <div class="control-group" role="group" aria-labelledby="assign-heading">
      <span id="assign-heading" class="group-label">
        {t('assign.heading')}
      </span>
      <span class="current">{summary.assigneeId === null ? t('assign.nobody') : t('assign.current', { name: assignee ?? t('row.unknownAgent') })}</span>
      {summary.assigneeId !== me.agentId ? (
        <button type="button" class="primary" onClick={() => onAssign()}>
          {t('assign.me')}
        </button>
      ) : null}
      {others.length > 0 ? (
        <form
          class="assign-to"
          onSubmit={(event: JSX.TargetedEvent<HTMLFormElement>) => {
            event.preventDefault();
            if (choice) onAssign(choice);
            setChoice('');
          }}
        >
          <label class="visually-hidden" for="assign-to">
            {t('assign.to')}
          </label>
          <select id="assign-to" value={choice} onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => setChoice(event.currentTarget.value)}>
            <option value="">{t('assign.choose')}</option>
            {others.map((agent) => (
              <option key={agent.agentId} value={agent.agentId} disabled={agent.agentId === summary.assigneeId}>
                {t('assign.option', { name: neutraliseBidi(agent.name), status: t(`presence.${agent.status}`), load: agent.load })}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!choice}>
            {t('assign.apply')}
          </button>
        </form>
      ) : null}
      {summary.assigneeId !== null ? (
        <button type="button" class="quiet" onClick={() => onAssign(null)}>
          {t('assign.unassign')}
        </button>
      ) : null}
    </div>
  );
}
