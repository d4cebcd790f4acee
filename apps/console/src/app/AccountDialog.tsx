import { useEffect, useState } from 'preact/hooks';
import type { AgentProfile } from '@parley/protocol';
import { useModalDialog } from './use-modal-dialog.ts';
import type { TotpApi } from '../auth/totp-api.ts';
import { t } from '../i18n/i18n.ts';
import { RequireTotpSwitch } from './RequireTotpSwitch.tsx';
import { TotpSection } from './TotpSection.tsx';

interface AccountDialogProps {
  isOpen: boolean;
  onClose: () => void;
  me: AgentProfile;
  api: TotpApi;
  isTotpEnabled: boolean;
  onTotpEnabled: (isEnabled: boolean) => void;
  /** Known already to be mandatory (the agent came through the mandatory setup step). */
  isTotpRequired: boolean;
  onSessionOver: (notice: string) => void;
}

/**
 * The header's sign-in security dialog: the agent's own two-factor state with set up / turn
 * off, and for admins the workspace switch that makes it mandatory. A modal `<dialog>`: the
 * browser keeps focus inside and closes it on Esc; the opener gets focus back.
 */
export function AccountDialog({ isOpen, onClose, me, api, isTotpEnabled, onTotpEnabled, isTotpRequired, onSessionOver }: AccountDialogProps) {
  const dialog = useModalDialog(isOpen);
  const [isMandatory, setMandatory] = useState(isTotpRequired);
  useEffect(() => setMandatory((known) => known || isTotpRequired), [isTotpRequired]);

  return (
    <dialog ref={dialog} class="account" aria-labelledby="account-title" onClose={onClose}>
      <h2 id="account-title">{t('account.title')}</h2>
      <p class="hint">{me.email}</p>
      {/* Mounted only while open, so a setup started and left does not linger into the next opening. */}
      {isOpen ? (
        <>
          <TotpSection
            api={api}
            isEnabled={isTotpEnabled}
            onEnabled={onTotpEnabled}
            isMandatory={isMandatory}
            onMandatory={() => setMandatory(true)}
            onSessionOver={onSessionOver}
          />
          {me.role === 'admin' ? <RequireTotpSwitch api={api} isOwnTotpEnabled={isTotpEnabled} onRequired={setMandatory} onSessionOver={onSessionOver} /> : null}
        </>
      ) : null}
      <form method="dialog" class="dialog-close">
        <button type="submit">{t('account.close')}</button>
      </form>
    </dialog>
  );
}
