import { useEffect, useRef } from 'preact/hooks';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { useWidgetState } from './use-widget-state.ts';
import type { WidgetController } from './widget-controller.ts';
import { FALLBACK_STRINGS } from './widget-store.ts';

/**
 * The chat panel: a non-modal `dialog` labelled by its title, in the shopper's language and
 * direction. Escape closes it and focus returns to the launcher.
 */
export function ChatPanel({ controller }: { controller: WidgetController }) {
  const state = useWidgetState(controller.store);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state.isOpen) input.current?.focus();
  }, [state.isOpen]);
  if (!state.isOpen) return null;
  const { strings } = state;
  return (
    <section
      class="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="parley-title"
      dir={state.dir}
      lang={state.locale}
      onKeyDown={(event) => event.key === 'Escape' && controller.close()}
    >
      <header class="header">
        <h2 id="parley-title">{strings['title']}</h2>
        <button type="button" class="close" aria-label={strings['close']} onClick={() => controller.close()}>
          ×
        </button>
      </header>
      {state.status === 'failed' ? (
        <p class="notice" role="alert">
          {strings['unavailable'] ?? FALLBACK_STRINGS['unavailable']}
        </p>
      ) : null}
      {state.status === 'reconnecting' ? (
        <p class="notice" role="status">
          {strings['offline']}
        </p>
      ) : null}
      <MessageList
        messages={state.messages}
        agentReadSeq={state.agentReadSeq}
        outgoing={state.outgoing}
        strings={strings}
        onRetry={(clientMsgId) => controller.retry(clientMsgId)}
        onQuickReply={(reply) => {
          controller.send(reply.label, reply.id);
          // The pressed button disappears; keep keyboard users in the conversation.
          input.current?.focus();
        }}
      />
      {/* Always in the tree, so screen readers announce it when it fills, once per start. */}
      <p class="typing" role="status">
        {state.typist ? (
          <>
            {state.typist.name ? <><bdi class="typist">{state.typist.name}</bdi> </> : null}
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
