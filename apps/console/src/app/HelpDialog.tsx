import { useModalDialog } from './use-modal-dialog.ts';
import { t } from '../i18n/i18n.ts';
import { SHORTCUT_HELP } from './shortcuts.ts';

interface HelpDialogProps {
  isOpen: boolean;
  onClose: () => void;
}

/** The shortcut list in a modal `<dialog>` (the browser traps focus and closes it on Esc). */
export function HelpDialog({ isOpen, onClose }: HelpDialogProps) {
  const dialog = useModalDialog(isOpen);
  return (
    <dialog ref={dialog} class="help" aria-labelledby="help-title" onClose={onClose}>
      <h2 id="help-title">{t('help.title')}</h2>
      <dl class="shortcut-list">
        {SHORTCUT_HELP.map((row) => (
          <div key={row.label} class="shortcut">
            <dt>
              {row.keys.map((key, i) => (
                <span key={key}>
                  {i > 0 ? ' + ' : null}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(row.label)}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">{t('help.fieldNote')}</p>
      <form method="dialog">
        <button type="submit" class="primary">
          {t('help.close')}
        </button>
      </form>
    </dialog>
  );
}
