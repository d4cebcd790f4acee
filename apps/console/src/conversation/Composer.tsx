import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX, RefObject } from 'preact';
import { t } from '../i18n/i18n.ts';

/** A refusal the composer understands: another agent replied moments ago. */
export interface RecentReply {
  name: string;
}

interface ComposerProps {
  /** Sends a reply; rejects with the gateway's error. */
  onSend: (text: string, force: boolean) => Promise<void>;
  onNote: (text: string) => Promise<void>;
  onTyping: (isTyping: boolean) => void;
  /** Reads a send failure: a RecentReply when another agent just replied, else the message. */
  explain: (error: unknown) => RecentReply | string;
  inputRef: RefObject<HTMLTextAreaElement>;
  onEscape: () => void;
}

const MAX_LENGTH = 4000;
const TYPING_IDLE_MS = 3_000;

/**
 * The reply box, or the note box when "Internal note" is on. Enter sends, Shift+Enter adds a
 * line, and Enter while an IME is composing (Japanese, Chinese) confirms the candidate instead.
 * The text clears at once and comes back if the send fails, so nothing typed is lost.
 */
export function Composer({ onSend, onNote, onTyping, explain, inputRef, onEscape }: ComposerProps) {
  const [text, setText] = useState('');
  const [isNote, setNote] = useState(false);
  const [confirm, setConfirm] = useState<{ text: string; name: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const typingTimer = useRef<ReturnType<typeof setTimeout>>();
  const isTyping = useRef(false);
  const anywayButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirm) anywayButton.current?.focus();
  }, [confirm]);

  const stopTyping = () => {
    clearTimeout(typingTimer.current);
    if (isTyping.current) onTyping(false);
    isTyping.current = false;
  };
  useEffect(() => stopTyping, []);

  const deliver = async (body: string, force: boolean) => {
    setError(undefined);
    setConfirm(undefined);
    try {
      if (isNote) await onNote(body);
      else await onSend(body, force);
    } catch (failure) {
      setText((current) => current || body);
      const reason = explain(failure);
      if (typeof reason === 'string') setError(t('composer.failed', { message: reason }));
      else setConfirm({ text: body, name: reason.name });
    }
  };

  const submit = () => {
    const body = text;
    if (!body.trim()) return;
    setText('');
    stopTyping();
    void deliver(body, false);
  };

  // The box holds the refused text (perhaps edited since): that is what goes out, forced.
  const sendAnyway = (refused: string) => {
    const body = text.trim() ? text : refused;
    setText('');
    void deliver(body, true);
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape' && !event.isComposing) {
      onEscape();
      return;
    }
    // keyCode 229: Safari ends composition before keydown, but still reports the IME key.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  };

  const onInput = (event: JSX.TargetedEvent<HTMLTextAreaElement>) => {
    setText(event.currentTarget.value);
    // Notes are private: the shopper must not see "typing" while an agent writes one.
    if (isNote) return;
    if (!isTyping.current) onTyping(true);
    isTyping.current = true;
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const label = isNote ? t('composer.noteLabel') : t('composer.reply');
  return (
    <form
      class={isNote ? 'composer note-mode' : 'composer'}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {confirm ? (
        <div class="confirm" role="alert">
          <span>{t('composer.recentReply', { name: confirm.name })}</span>
          <button ref={anywayButton} type="button" onClick={() => sendAnyway(confirm.text)}>
            {t('composer.sendAnyway')}
          </button>
          <button type="button" class="quiet" onClick={() => setConfirm(undefined)}>
            {t('conv.cancel')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <label class="visually-hidden" for="composer-text">
        {label}
      </label>
      <textarea
        id="composer-text"
        ref={inputRef}
        rows={3}
        maxLength={MAX_LENGTH}
        dir="auto"
        placeholder={isNote ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')}
        aria-describedby="composer-hint"
        value={text}
        onInput={onInput}
        onKeyDown={onKeyDown}
      />
      <div class="composer-bar">
        <label class="toggle">
          <input
            type="checkbox"
            checked={isNote}
            onChange={(event: JSX.TargetedEvent<HTMLInputElement>) => {
              stopTyping();
              setNote(event.currentTarget.checked);
            }}
          />
          <span>{t('composer.noteToggle')}</span>
        </label>
        <span id="composer-hint" class="hint">
          {t('composer.hint')}
        </span>
        <button type="submit" class="primary" disabled={!text.trim()}>
          {isNote ? t('composer.addNote') : t('composer.send')}
        </button>
      </div>
    </form>
  );
}
