// A React 18 host: the @lit/react components from `inbox-elements/react`, which register the tags
// themselves. Type-checked against the built package by test/package/types.test.ts.
import { InboxComposer, InboxConversationList, InboxProvider } from 'inbox-elements/react';

export function Inbox() {
  return (
    <InboxProvider
      baseUrl="/api"
      tokenProvider={async ({ refresh } = {}) => (refresh ? 'fresh-token' : 'token')}
      onInboxError={(e) => console.error(e.detail.operation, e.detail.error.detail)}
    >
      <InboxConversationList view="mine" onInboxConversationSelect={(e) => e.detail.conversationId} />
      <InboxComposer
        sendKey="mod-enter"
        onInboxMessageSend={(e) => {
          const id: string = e.detail.item.id;
          console.log(id);
        }}
      />
      {/* @ts-expect-error: `sendKey` takes `enter` or `mod-enter` only */}
      <InboxComposer sendKey="shift-enter" />
      {/* @ts-expect-error: the detail of `inbox-message-send` has no `nope` */}
      <InboxComposer onInboxMessageSend={(e) => e.detail.nope} />
    </InboxProvider>
  );
}
