import { useEffect, useRef, useState } from 'preact/hooks';
import { newClientMsgId } from '@parley/client';
import type { JSX, RefObject } from 'preact';
import type { CannedReplyOption, TranslationState } from '@parley/protocol';
import type { SendOptions } from '../app/agent-api.ts';
import { t } from '../i18n/i18n.ts';
import { CANNED_LISTBOX_ID, CannedListbox, cannedBadge, cannedOptionId } from './CannedListbox.tsx';
import { ComposerPreview } from './ComposerPreview.tsx';
import { retryReply, sendOptions } from './composer-send.ts';
import type { PendingReply, RetryFlags } from './composer-send.ts';
import { langName } from './translation-labels.ts';
import { cannedFailure, failureReasonLabel, translationFailure } from './translation-errors.ts';
import { useCanned } from './use-canned.ts';
import { useTranslationPreview } from './use-translation-preview.ts';

/** A refusal the composer understands: another agent replied moments ago. */
export interface RecentReply {
  name: string;
}

interface ComposerProps {
  /** Sends a reply; rejects with the gateway's error. */
  onSend: (text: string, options: SendOptions) => Promise<void>;
  onNote: (text: string) => Promise<void>;
  onTyping: (isTyping: boolean) => void;
  /** Reads a send failure: a RecentReply when another agent just replied, else the message. */
  explain: (error: unknown) => RecentReply | string;
  inputRef: RefObject<HTMLTextAreaElement>;
  onEscape: () => void;
  /** How the conversation translates for me: when active, replies are previewed and translated. */
  translation: TranslationState | undefined;
  /** The console's UI language, for language names. */
  uiLang: string;
  previewTranslation: (text: string) => Promise<string>;
  loadCanned: () => Promise<CannedReplyOption[]>;
}

const MAX_LENGTH = 4000;
const TYPING_IDLE_MS = 3_000;

/**
 * The reply box, or the note box when "Internal note" is on. Enter sends, Shift+Enter adds a
 * line, and Enter while an IME is composing (Japanese, Chinese) confirms the candidate instead.
 * The text clears at once and comes back if the send fails, so nothing typed is lost. In a
 * translated conversation it previews what the shopper will read, and a failed translation
 * asks before sending as written; `/` opens the canned replies.
 */
export function Composer({ onSend, onNote, onTyping, explain, inputRef, onEscape, translation, uiLang, previewTranslation, loadCanned }: ComposerProps) {
  const [text, setText] = useState('');
  const [isNote, setNote] = useState(false);
  const [confirm, setConfirm] = useState<{ reply: PendingReply; name: string; flags: RetryFlags } | undefined>();
  const [untranslated, setUntranslated] = useState<{ reply: PendingReply; reason: string; flags: RetryFlags } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [canned, setCanned] = useState<CannedReplyOption | undefined>();
  const textRef = useRef(text);
  textRef.current = text;
  const typingTimer = useRef<ReturnType<typeof setTimeout>>();
  const isTyping = useRef(false);
  const anywayButton = useRef<HTMLButtonElement>(null);
  const untranslatedButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirm) anywayButton.current?.focus();
  }, [confirm]);
  useEffect(() => {
    if (untranslated) untranslatedButton.current?.focus();
  }, [untranslated]);

  const isTranslating = !isNote && translation?.isActive === true;
  const shopperLang = translation?.shopperLang;
  const pick = (option: CannedReplyOption) => {
    setText(option.preview);
    setCanned(option);
    inputRef.current?.focus();
  };
  const picker = useCanned(isNote ? '' : text, loadCanned, pick);
  // A native canned reply's shopper version is known: no machine preview is asked for.
  // Nor while the `/` picker is open: "/ret" is a search, not a reply.
  const preview = useTranslationPreview(isTranslating && !canned?.shopperText && !picker.isOpen ? text : undefined, previewTranslation);
  const shownPreview = canned?.shopperText && !isNote ? { status: 'ready' as const, text: canned.shopperText } : preview;

  const stopTyping = () => {
    clearTimeout(typingTimer.current);
    if (isTyping.current) onTyping(false);
    isTyping.current = false;
  };
  useEffect(() => stopTyping, []);

  const deliver = async (reply: PendingReply, flags: RetryFlags) => {
    setError(undefined);
    setConfirm(undefined);
    setUntranslated(undefined);
    try {
      if (isNote) await onNote(reply.text);
      else await onSend(reply.text, sendOptions(reply, flags));
    } catch (failure) {
      if (!textRef.current) {
        setText(reply.text);
        setCanned(reply.canned);
      }
      const reason = translationFailure(failure);
      if (reason) {
        setUntranslated({ reply, reason, flags });
        return;
      }
      const explained = cannedFailure(failure) ?? explain(failure);
      if (typeof explained === 'string') setError(t('composer.failed', { message: explained }));
      else setConfirm({ reply, name: explained.name, flags });
    }
  };

  const submit = () => {
    const body = text;
    if (!body.trim()) return;
    const reply: PendingReply = { text: body, clientMsgId: newClientMsgId(), canned: canned?.preview === body ? canned : undefined };
    setText('');
    setCanned(undefined);
    stopTyping();
    void deliver(reply, {});
  };

  // The box holds the refused text (perhaps edited since): that is what goes out.
  const retry = (refused: PendingReply, flags: RetryFlags, keepId: boolean) => {
    const reply = retryReply(refused, text, newClientMsgId, keepId);
    setText('');
    setCanned(undefined);
    void deliver(reply, flags);
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (picker.onKeyDown(event)) return;
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
    const value = event.currentTarget.value;
    setText(value);
    // Edited, the canned reply is the agent's own message: it goes out (and is translated) as typed.
    if (canned && value !== canned.preview) setCanned(undefined);
    // Notes are private: the shopper must not see "typing" while an agent writes one.
    if (isNote) return;
    if (!isTyping.current) onTyping(true);
    isTyping.current = true;
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const label = isNote ? t('composer.noteLabel') : t('composer.reply');
  const activeOption = picker.isOpen ? picker.options[picker.activeIndex] : undefined;
  return (
    <form
      class={isNote ? 'composer note-mode' : 'composer'}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {picker.isOpen ? (
        <CannedListbox status={picker.status} options={picker.options} activeIndex={picker.activeIndex} shopperLang={shopperLang} onPick={pick} onHover={picker.setActive} />
      ) : null}
      {confirm ? (
        <div class="confirm" role="alert">
          <span>{t('composer.recentReply', { name: confirm.name })}</span>
          <button ref={anywayButton} type="button" onClick={() => retry(confirm.reply, { ...confirm.flags, force: true }, false)}>
            {t('composer.sendAnyway')}
          </button>
          <button type="button" class="quiet" onClick={() => setConfirm(undefined)}>
            {t('conv.cancel')}
          </button>
        </div>
      ) : null}
      {untranslated ? (
        <div class="confirm" role="alert" data-testid="untranslated-confirm">
          <span>{t('composer.translationFailed', { reason: failureReasonLabel(untranslated.reason), lang: langName(translation?.agentLang, uiLang) })}</span>
          <button ref={untranslatedButton} type="button" data-testid="send-untranslated" onClick={() => retry(untranslated.reply, { ...untranslated.flags, untranslated: true }, true)}>
            {t('composer.sendUntranslated')}
          </button>
          <button type="button" data-testid="retry-translation" onClick={() => retry(untranslated.reply, untranslated.flags, true)}>
            {t('composer.tryAgain')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {canned && !isNote ? (
        <p class="canned-chip" data-testid="canned-chip">
          <span class="chip">{t('canned.chip', { title: canned.title })}</span>
          <span class={`chip source ${canned.source}`}>{cannedBadge(canned)}</span>
          <button
            type="button"
            class="quiet"
            aria-label={t('canned.remove')}
            title={t('canned.remove')}
            onClick={() => {
              setCanned(undefined);
              setText('');
              inputRef.current?.focus();
            }}
          >
            ×
          </button>
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
        aria-autocomplete={isNote ? undefined : 'list'}
        aria-controls={picker.isOpen ? CANNED_LISTBOX_ID : undefined}
        aria-activedescendant={activeOption ? cannedOptionId(activeOption.key) : undefined}
        value={text}
        onInput={onInput}
        onKeyDown={onKeyDown}
      />
      {isTranslating || (canned?.shopperText && !isNote) ? <ComposerPreview state={shownPreview} languageName={langName(shopperLang, uiLang)} shopperLang={shopperLang} /> : null}
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
          {isNote ? '' : ` · ${t('composer.cannedHint')}`}
        </span>
        <button type="submit" class="primary" disabled={!text.trim()}>
          {isNote ? t('composer.addNote') : t('composer.send')}
        </button>
      </div>
    </form>
  );
}
