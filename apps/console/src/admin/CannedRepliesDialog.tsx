import { useMemo } from 'preact/hooks';
import { useModalDialog } from '../app/use-modal-dialog.ts';
import { t } from '../i18n/i18n.ts';
import { createCannedAdminApi } from './canned-api.ts';
import { CannedAdminPanel } from './CannedAdminPanel.tsx';

interface CannedRepliesDialogProps {
  isOpen: boolean;
  onClose: () => void;
  /** The session's CSRF token, for the writes. */
  csrfToken: string;
  lang: string;
  timeZone: string;
  onSessionOver: (notice: string) => void;
}

/**
 * The admin's "Canned replies" dialog: a site's own replies, listed, edited, added and deleted.
 * A modal `<dialog>` like the account dialog (focus stays inside, Esc closes, the opener gets
 * focus back); its content is mounted only while open, so an edit left open does not linger.
 */
export function CannedRepliesDialog({ isOpen, onClose, csrfToken, lang, timeZone, onSessionOver }: CannedRepliesDialogProps) {
  const dialog = useModalDialog(isOpen);
  const api = useMemo(() => createCannedAdminApi(csrfToken), [csrfToken]);
  return (
    <dialog ref={dialog} class="account canned" data-testid="canned-replies-dialog" aria-labelledby="canned-dialog-title" onClose={onClose}>
      <h2 id="canned-dialog-title">{t('cannedAdmin.title')}</h2>
      <p class="hint">{t('cannedAdmin.intro')}</p>
      {isOpen ? <CannedAdminPanel api={api} lang={lang} timeZone={timeZone} onSessionOver={onSessionOver} /> : null}
      <form method="dialog" class="dialog-close">
        <button type="submit">{t('cannedAdmin.close')}</button>
      </form>
    </dialog>
  );
}
