// React 19 renders custom elements natively: props become properties when the element has them
// (`tokenProvider`), attributes otherwise (`base-url`), and `on<event-name>` listens to an event,
// dashes and all. `inbox-elements/jsx` types every tag, property and event detail.
import type {} from 'inbox-elements/jsx';
import 'inbox-elements/define';
import { useState } from 'react';
import { demoToken } from '../../common/demo-token';

export function App() {
  const [open, setOpen] = useState('');
  const [lastSent, setLastSent] = useState('');
  const [error, setError] = useState('');

  return (
    <inbox-provider
      base-url="/api"
      tokenProvider={demoToken}
      oninbox-error={(e) => setError(e.detail.error.detail)}
    >
      <header className="bar">
        <h1>Support · React 19</h1>
        <inbox-new-conversation
          oninbox-conversation-create={(e) => setOpen(e.detail.conversation.contact.name)}
        />
      </header>
      <div className="inbox">
        <section aria-label="Conversations">
          <inbox-conversation-list
            oninbox-conversation-select={(e) => setOpen(e.detail.conversation.contact.name)}
          />
        </section>
        <section aria-label={open ? `Conversation with ${open}` : 'Conversation'} className="conversation">
          <inbox-timeline />
          <inbox-composer oninbox-message-send={(e) => setLastSent(e.detail.item.text)} />
          <p role="status" className="status">
            {lastSent && `Sent: ${lastSent}`}
          </p>
        </section>
        <aside aria-label="Details">
          <inbox-details />
        </aside>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </inbox-provider>
  );
}
