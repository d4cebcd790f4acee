import { useState } from 'preact/hooks';
import type { Message } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';
import { MaskedText } from './MaskedText.tsx';
import { langName } from './translation-labels.ts';
import type { MessageView } from './translation-view.ts';

interface MessageBodyProps {
  message: Message;
  view: MessageView;
  canReveal: boolean;
  /** The console's UI language, for language names and the notes' own `lang`. */
  uiLang: string;
  onReveal: (index: number, reason: string) => Promise<string>;
}

/**
 * A message's text in the language the agent reads, with the other side (the shopper's
 * original, or what the shopper read of a translated reply) behind a toggle. Reveal is offered
 * on the stored text only: the gateway counts masked values there.
 */
export function MessageBody({ message, view, canReveal, uiLang, onReveal }: MessageBodyProps) {
  const [isOtherShown, setOtherShown] = useState(false);
  const { main, alternate, note, noteLang } = view;
  const language = langName(noteLang, uiLang);
  return (
    <>
      <MaskedText key={`main-${main.isStored}`} text={main.text} lang={main.lang} canReveal={canReveal && main.isStored} onReveal={onReveal} />
      {note === 'translating' ? (
        <span class="translation-note pending" lang={uiLang} data-testid="translation-pending">
          {t('conv.translating')}
        </span>
      ) : null}
      {note === 'unavailable' ? (
        <span class="translation-note failed" lang={uiLang} data-testid="translation-unavailable">
          {t('conv.translationUnavailable')}
        </span>
      ) : null}
      {alternate && (note === 'translatedFrom' || note === 'sentIn') ? (
        <>
          <span class="translation-note" lang={uiLang}>
            <span>{note === 'translatedFrom' ? t('conv.translatedFrom', { lang: language }) : t('conv.sentIn', { lang: language })}</span>
            {' · '}
            <button
              type="button"
              class="link translation-toggle"
              aria-pressed={isOtherShown}
              aria-controls={`other-${message.id}`}
              data-testid="translation-toggle"
              onClick={() => setOtherShown(!isOtherShown)}
            >
              {note === 'translatedFrom' ? t('conv.showOriginal') : t('conv.showShopperVersion')}
            </button>
          </span>
          <div id={`other-${message.id}`} class="other-text" hidden={!isOtherShown} data-testid="translation-other">
            {isOtherShown ? <MaskedText text={alternate.text} lang={alternate.lang} canReveal={canReveal && alternate.isStored} onReveal={onReveal} /> : null}
          </div>
        </>
      ) : null}
    </>
  );
}
