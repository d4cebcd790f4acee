import { useEffect, useRef, useState } from 'preact/hooks';
import { formatStamp, languageName } from '../i18n/format.ts';
import { t } from '../i18n/i18n.ts';
import type { SiteCannedReply } from './canned-api.ts';
import { sortLocales } from './canned-form.ts';

interface CannedReplyListProps {
  replies: SiteCannedReply[];
  siteName: string;
  lang: string;
  timeZone: string;
  onEdit: (reply: SiteCannedReply) => void;
  /** Deletes after the admin confirmed; resolves when the gateway answered. */
  onDelete: (reply: SiteCannedReply) => Promise<void>;
}

/**
 * The site's replies: title, key, locales as chips, when last changed, with Edit and Delete.
 * Delete asks first, in the row itself, with focus on the confirming button.
 */
export function CannedReplyList({ replies, siteName, lang, timeZone, onEdit, onDelete }: CannedReplyListProps) {
  const [confirming, setConfirming] = useState<string | undefined>();
  const [isBusy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const back = (key: string) => {
    setConfirming(undefined);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-reply-key="${CSS.escape(key)}"] .cadmin-delete`)?.focus());
  };

  return (
    <ul class="cadmin-list" aria-label={t('cannedAdmin.listLabel', { site: siteName })}>
      {replies.map((reply) => (
        <li key={reply.key} class="cadmin-row" data-reply-key={reply.key}>
          <div class="cadmin-row-text">
            <span class="cadmin-row-title" dir="auto">
              {reply.title}
            </span>
            <span class="code" dir="ltr">
              {reply.key}
            </span>
            <span class="cadmin-chips" aria-label={t('cannedAdmin.locales')} role="list">
              {sortLocales(Object.keys(reply.bodies)).map((locale) => (
                <span key={locale} role="listitem" class="chip" title={languageName(locale, lang)}>
                  {locale}
                </span>
              ))}
            </span>
            <span class="hint">
              {t('cannedAdmin.updated', { when: formatStamp(reply.updatedAt, lang, timeZone) })}
            </span>
          </div>
          {confirming === reply.key ? (
            <div class="cadmin-confirm" role="group" aria-label={t('cannedAdmin.delete')}>
              <span>{t('cannedAdmin.confirmDelete', { title: reply.title })}</span>
              <button
                ref={confirmButton}
                type="button"
                class="danger"
                aria-busy={isBusy}
                onClick={() => {
                  if (isBusy) return;
                  setBusy(true);
                  void onDelete(reply).finally(() => {
                    setBusy(false);
                    setConfirming(undefined);
                  });
                }}
              >
                {t('cannedAdmin.confirmYes')}
              </button>
              <button type="button" onClick={() => back(reply.key)}>
                {t('cannedAdmin.cancel')}
              </button>
            </div>
          ) : (
            <div class="cadmin-row-actions">
              <button type="button" aria-label={t('cannedAdmin.editOne', { title: reply.title })} onClick={() => onEdit(reply)}>
                {t('cannedAdmin.edit')}
              </button>
              <button type="button" class="danger cadmin-delete" aria-label={t('cannedAdmin.deleteOne', { title: reply.title })} onClick={() => setConfirming(reply.key)}>
                {t('cannedAdmin.delete')}
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
