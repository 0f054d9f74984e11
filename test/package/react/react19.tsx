// A React 19 host: the tags themselves, typed by `inbox-elements/jsx`. Type-checked against the
// built package by test/package/types.test.ts; no casts, and the @ts-expect-error lines prove
// that the attributes and event handlers are really typed.
import { useState } from 'react';
import type {} from 'inbox-elements/jsx';
import 'inbox-elements/define';

export function Inbox({ token }: { token: string }) {
  const [opened, setOpened] = useState<string>();
  return (
    <inbox-provider base-url="/api" token={token} oninbox-error={(e) => console.error(e.detail.operation)}>
      <inbox-conversation-list
        view="mine"
        no-header
        oninbox-conversation-select={(e) => setOpened(e.detail.conversation.contact.name)}
      />
      <inbox-timeline read-policy="manual" />
      <inbox-composer
        send-key="mod-enter"
        oninbox-before-send={(e) => {
          if (e.detail.text.includes('password')) e.preventDefault();
        }}
        oninbox-message-send={(e) => {
          const id: string = e.detail.item.id;
          e.target.focus();
          console.log(opened, id);
        }}
      />
      {/* @ts-expect-error: `send-key` takes `enter` or `mod-enter` only */}
      <inbox-composer send-key="shift-enter" />
      {/* @ts-expect-error: the detail of `inbox-message-send` has no `nope` */}
      <inbox-composer oninbox-message-send={(e) => e.detail.nope} />
    </inbox-provider>
  );
}
