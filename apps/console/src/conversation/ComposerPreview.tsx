import { neutraliseBidi } from '@parley/protocol/display-text';
import { t } from '../i18n/i18n.ts';
import type { PreviewState } from './use-translation-preview.ts';

interface ComposerPreviewProps {
  state: PreviewState;
  /** The shopper's language, named ("Spanish"). */
  languageName: string;
  shopperLang: string | undefined;
}

/**
 * "The shopper will read (Spanish): …" under the reply box, a polite live region: it speaks
 * once the agent pauses (the preview is debounced), not at every keystroke.
 */
export function ComposerPreview({ state, languageName, shopperLang }: ComposerPreviewProps) {
  const text = state.status === 'ready' || state.status === 'loading' ? state.text : undefined;
  return (
    <p class={state.status === 'loading' ? 'composer-preview stale' : 'composer-preview'} aria-live="polite" data-testid="translation-preview">
      {state.status === 'idle' ? null : (
        <>
          <span class="preview-label">{t('composer.previewLabel', { lang: languageName })}</span>{' '}
          {state.status === 'error' ? (
            <span class="preview-error">{t('composer.previewUnavailable')}</span>
          ) : text !== undefined ? (
            <span class="preview-text" dir="auto" lang={shopperLang}>
              {neutraliseBidi(text)}
            </span>
          ) : (
            <span class="preview-wait">{t('conv.translating')}</span>
          )}
        </>
      )}
    </p>
  );
}
