import { useEffect, useRef } from 'preact/hooks';
import { neutraliseBidi } from '@parley/protocol/display-text';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { useWidgetState } from './use-widget-state.ts';
import type { WidgetController } from './widget-controller.ts';
import { FALLBACK_STRINGS, format } from './widget-store.ts';
import type { WidgetState } from './widget-store.ts';

/**
 * The chat panel: a non-modal `dialog` labelled by the shop's assistant, in the shopper's
 * language and direction. Escape (anywhere in the widget, see WidgetController) closes it and
 * focus returns to the launcher.
 */
export function ChatPanel({ controller }: { controller: WidgetController }) {
  const state = useWidgetState(controller.store);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state.isOpen) input.current?.focus();
  }, [state.isOpen]);
  if (!state.isOpen) return null;
  const { strings, branding } = state;
  const name = branding?.assistantName ?? strings['title'];
  const replyTime = branding?.typicalReplyDuration ? format(strings['replyTime'] ?? '', { minutes: branding.typicalReplyDuration }) : '';
  const notice = connectionNotice(state);
  return (
    <section
      class="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="parley-title"
      dir={state.dir}
      lang={state.locale}
    >
      <header class="header">
        {branding?.avatarUrl ? <img class="avatar" src={branding.avatarUrl} alt="" width={36} height={36} /> : null}
        <div class="who">
          <h2 id="parley-title">{neutraliseBidi(name ?? '')}</h2>
          {replyTime ? <p class="reply-time">{replyTime}</p> : null}
        </div>
        <button type="button" class="close" aria-label={strings['close']} onClick={() => controller.close()}>
          ×
        </button>
      </header>
      {state.status === 'failed' ? (
        <p class="notice" role="alert">
          {strings['unavailable'] ?? FALLBACK_STRINGS['unavailable']}
        </p>
      ) : null}
      {/* Always in the tree, so the change is announced; the device's own network comes first. */}
      <p class="notice connection" role="status" hidden={!notice}>
        {notice ? strings[notice] : null}
      </p>
      {/* Also always in the tree: a refused send is announced, and the text stays in the composer. */}
      <p class="notice outbox" role="status" hidden={!state.isOutboxFull}>
        {state.isOutboxFull ? (strings['outboxFull'] ?? FALLBACK_STRINGS['outboxFull']) : null}
      </p>
      <MessageList
        messages={state.messages}
        agentReadSeq={state.agentReadSeq}
        outgoing={state.outgoing}
        strings={strings}
        assistantName={name}
        avatarUrl={branding?.avatarUrl}
        onRetry={(clientMsgId) => controller.retry(clientMsgId)}
        onQuickReply={(reply) => {
          controller.send(reply.label, reply.id);
          // The pressed button disappears (or stays, when the outbox is full); keep keyboard
          // users in the conversation.
          input.current?.focus();
        }}
      />
      {/* Always in the tree, so screen readers announce it when it fills, once per start. */}
      <p class="typing" role="status">
        {state.typist ? (
          <>
            {state.typist.name ? <><bdi class="typist">{neutraliseBidi(state.typist.name)}</bdi> </> : null}
            {strings['typing']}
          </>
        ) : null}
      </p>
      <Composer
        strings={strings}
        inputRef={input}
        onSend={(text) => controller.send(text)}
        onTyping={(isTyping) => controller.setTyping(isTyping)}
      />
    </section>
  );
}

/**
 * Which connection notice tells the truth: the device is offline, or it is online and the
 * gateway does not answer (down, blocked, or a first connection that hangs).
 */
function connectionNotice(state: WidgetState): 'offline' | 'unreachable' | undefined {
  if (state.status === 'failed') return undefined;
  if (!state.isOnline) return 'offline';
  if (state.status === 'reconnecting' || (state.status === 'connecting' && state.isSlow)) return 'unreachable';
  return undefined;
}
