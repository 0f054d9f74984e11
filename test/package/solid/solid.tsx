// A Solid host: the tags, typed by `inbox-elements/jsx` (attr:, prop: and on: as Solid spells
// them). Type-checked against the built package by test/package/types.test.ts.
import type {} from 'inbox-elements/jsx';
import 'inbox-elements/define';

export const Inbox = () => (
  <inbox-provider attr:base-url="/api" prop:tokenProvider={async () => 'token'}>
    <inbox-composer
      attr:send-key="mod-enter"
      on:inbox-message-send={(e) => {
        const id: string = e.detail.item.id;
        console.log(id, e.target.conversationId);
      }}
    />
    {/* @ts-expect-error: the detail of `inbox-message-send` has no `nope` */}
    <inbox-composer on:inbox-message-send={(e) => e.detail.nope} />
  </inbox-provider>
);
