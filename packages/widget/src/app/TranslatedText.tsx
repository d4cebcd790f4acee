import { useState } from 'preact/hooks';
import type { Message } from '@parley/client';
import { neutraliseBidi } from '@parley/protocol/display-text';

interface TranslatedTextProps {
  message: Message;
  strings: Record<string, string>;
}

/**
 * A message's text; for an agent's reply that was machine-translated, a quiet "Translated
 * automatically" with a button that swaps in what the agent wrote (in its own language, so a
 * screen reader pronounces it right) and back. `aria-pressed` tells the button's state.
 */
export function TranslatedText({ message, strings }: TranslatedTextProps) {
  const [isOriginal, setOriginal] = useState(false);
  const original = message.original;
  if (!original || original.text === message.text) {
    return (
      <p class="text" dir="auto">
        {neutraliseBidi(message.text)}
      </p>
    );
  }
  return (
    <>
      <p class="text" dir="auto" lang={isOriginal ? original.lang : message.locale}>
        {neutraliseBidi(isOriginal ? original.text : message.text)}
      </p>
      <span class="translated">
        {strings['translatedAutomatically']}
        {' · '}
        <button type="button" class="link" aria-pressed={isOriginal} onClick={() => setOriginal(!isOriginal)}>
          {isOriginal ? strings['showTranslation'] : strings['showOriginal']}
        </button>
      </span>
    </>
  );
}
