import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import type { AdminSite, CannedAdminApi, SiteCannedReply } from './canned-api.ts';
import { draftOf, emptyDraft } from './canned-form.ts';
import type { Draft } from './canned-form.ts';
import { refusalText } from './canned-words.ts';
import { CannedReplyForm } from './CannedReplyForm.tsx';
import { CannedReplyList } from './CannedReplyList.tsx';

interface CannedAdminPanelProps {
  api: CannedAdminApi;
  lang: string;
  timeZone: string;
  onSessionOver: (notice: string) => void;
}

type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; text: string };

/** Site picker, the chosen site's replies, and the editor (in place of the list while open). */
export function CannedAdminPanel({ api, lang, timeZone, onSessionOver }: CannedAdminPanelProps) {
  const [sites, setSites] = useState<Load<AdminSite[]>>({ state: 'loading' });
  const [siteKey, setSiteKey] = useState<string | undefined>();
  const [replies, setReplies] = useState<Load<SiteCannedReply[]>>({ state: 'loading' });
  const [editing, setEditing] = useState<Draft | undefined>();
  const [news, setNews] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const status = useRef<HTMLDivElement>(null);

  const failed = (error: unknown): string => {
    const found = refusalText(error);
    if (found.isSessionOver) onSessionOver(found.text);
    return found.text;
  };

  useEffect(() => {
    api.sites().then(
      (value) => {
        setSites({ state: 'ready', value });
        setSiteKey(value[0]?.key);
      },
      (error: unknown) => setSites({ state: 'failed', text: failed(error) }),
    );
  }, [api]);

  useEffect(() => {
    if (!siteKey) return;
    let isCurrent = true;
    setReplies({ state: 'loading' });
    api.list(siteKey).then(
      (value) => isCurrent && setReplies({ state: 'ready', value }),
      (error: unknown) => isCurrent && setReplies({ state: 'failed', text: failed(error) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, siteKey]);

  // The control that had focus (the form, a row's button) is gone: read what happened next.
  // A cancelled edit says nothing: focus goes back to the button that opened it instead.
  const finish = (text?: string) => {
    const opener = editing?.isNew === false ? `[data-reply-key="${CSS.escape(editing.key)}"] button` : '[data-testid="canned-new"]';
    setEditing(undefined);
    setNews(text);
    requestAnimationFrame(() => (text ? status.current : document.querySelector<HTMLElement>(opener))?.focus());
  };

  if (sites.state === 'loading') return <p class="hint">{t('cannedAdmin.loadingSites')}</p>;
  if (sites.state === 'failed') return <p class="problem" role="alert">{sites.text}</p>;
  if (sites.value.length === 0) return <p class="hint">{t('cannedAdmin.noSites')}</p>;
  const site = sites.value.find((candidate) => candidate.key === siteKey) ?? sites.value[0]!;
  const list = replies.state === 'ready' ? replies.value : [];

  const remove = async (reply: SiteCannedReply) => {
    setProblem(undefined);
    try {
      await api.remove(site.key, reply.key);
      setReplies({ state: 'ready', value: list.filter((other) => other.key !== reply.key) });
      finish(t('cannedAdmin.deleted', { title: reply.title }));
    } catch (error) {
      setProblem(failed(error));
    }
  };

  return (
    <section class="account-section cadmin-panel" aria-labelledby="canned-site-label">
      <div class="cadmin-field cadmin-site">
        <label id="canned-site-label" for="canned-site">{t('cannedAdmin.site')}</label>
        <select id="canned-site" value={site.key} disabled={editing !== undefined} onChange={(event) => { setNews(undefined); setProblem(undefined); setSiteKey(event.currentTarget.value); }}>
          {sites.value.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>{`${candidate.name} (${candidate.key})`}</option>
          ))}
        </select>
      </div>
      <div ref={status} tabIndex={-1} class="account-state cadmin-status">
        <p class="account-news" role="status">{news ?? ''}</p>
        {problem ? <p class="problem" role="alert">{problem}</p> : null}
      </div>
      {editing ? (
        <CannedReplyForm
          key={editing.key || 'new'}
          api={api}
          siteKey={site.key}
          initial={editing}
          taken={list.map((reply) => reply.key)}
          onSaved={(saved) => {
            setReplies({ state: 'ready', value: [...list.filter((other) => other.key !== saved.key), saved].sort((a, b) => a.title.localeCompare(b.title)) });
            finish(t('cannedAdmin.saved', { title: saved.title }));
          }}
          onCancel={() => finish()}
          onSessionOver={onSessionOver}
        />
      ) : (
        <>
          {replies.state === 'loading' ? <p class="hint">{t('cannedAdmin.loading')}</p> : null}
          {replies.state === 'failed' ? <p class="problem" role="alert">{replies.text}</p> : null}
          {replies.state === 'ready' && list.length === 0 ? <p class="hint">{t('cannedAdmin.empty')}</p> : null}
          {list.length > 0 ? <CannedReplyList replies={list} siteName={site.name} lang={lang} timeZone={timeZone} onEdit={(reply) => { setNews(undefined); setEditing(draftOf(reply)); }} onDelete={remove} /> : null}
          {replies.state === 'ready' ? (
            <button type="button" class="primary" data-testid="canned-new" onClick={() => { setNews(undefined); setEditing(emptyDraft(site.defaultLocale)); }}>
              {t('cannedAdmin.new')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
