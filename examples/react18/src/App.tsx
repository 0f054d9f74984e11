// React 18 sets every prop on a custom element as an attribute and has no custom event props, so
// the components of `inbox-elements/react` (made with @lit/react) stand in for the tags: they set
// properties as properties and take each event as `onInbox…`. They register the tags themselves.
import {
  InboxComposer,
  InboxConversationList,
  InboxDetails,
  InboxNewConversation,
  InboxProvider,
  InboxTimeline,
} from 'inbox-elements/react';
import { useState } from 'react';
import { demoToken } from '../../common/demo-token';

export function App() {
  const [open, setOpen] = useState('');
  const [lastSent, setLastSent] = useState('');
  const [error, setError] = useState('');

  return (
    <InboxProvider
      baseUrl="/api"
      tokenProvider={demoToken}
      onInboxError={(e) => setError(e.detail.error.detail)}
    >
      <header className="bar">
        <h1>Support · React 18</h1>
        <InboxNewConversation
          onInboxConversationCreate={(e) => setOpen(e.detail.conversation.contact.name)}
        />
      </header>
      <div className="inbox">
        <section aria-label="Conversations">
          <InboxConversationList
            onInboxConversationSelect={(e) => setOpen(e.detail.conversation.contact.name)}
          />
        </section>
        <section aria-label={open ? `Conversation with ${open}` : 'Conversation'} className="conversation">
          <InboxTimeline />
          <InboxComposer onInboxMessageSend={(e) => setLastSent(e.detail.item.text)} />
          <p role="status" className="status">
            {lastSent && `Sent: ${lastSent}`}
          </p>
        </section>
        <aside aria-label="Details">
          <InboxDetails />
        </aside>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </InboxProvider>
  );
}
