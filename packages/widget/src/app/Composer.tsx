import { useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';

interface ComposerProps {
  strings: Record<string, string>;
  /** False when the text was not taken (the outbox is full): it then stays in the box. */
  onSend: (text: string) => boolean;
  onTyping: (isTyping: boolean) => void;
  inputRef: { current: HTMLTextAreaElement | null };
}

const MAX_LENGTH = 4000;

/**
 * The message box. Enter sends and Shift+Enter adds a line, except while an IME is composing
 * (Japanese, Chinese, Korean input confirm candidates with Enter; that must not send).
 */
export function Composer({ strings, onSend, onTyping, inputRef }: ComposerProps) {
  const [text, setText] = useState('');
  const typingTimer = useRef<ReturnType<typeof setTimeout>>();

  const submit = () => {
    if (!text.trim() || !onSend(text)) return;
    setText('');
    clearTimeout(typingTimer.current);
    typingTimer.current = undefined;
    onTyping(false);
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    // keyCode 229 covers browsers that end composition before firing keydown (Safari).
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  };

  const onInput = (event: JSX.TargetedEvent<HTMLTextAreaElement>) => {
    setText(event.currentTarget.value);
    // Only the change is news: a key held down must not send a packet per repeat.
    if (typingTimer.current === undefined) onTyping(true);
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => {
      typingTimer.current = undefined;
      onTyping(false);
    }, 3000);
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        ref={inputRef}
        rows={2}
        maxLength={MAX_LENGTH}
        aria-label={strings['composerLabel']}
        placeholder={strings['placeholder']}
        value={text}
        onInput={onInput}
        onKeyDown={onKeyDown}
      />
      <button type="submit" class="send" disabled={!text.trim()}>
        {strings['send']}
      </button>
    </form>
  );
}
