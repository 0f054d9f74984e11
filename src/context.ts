import { createContext } from '@lit/context';
import type { InboxStore } from './stores/index.js';

/** The store bundle an `<inbox-provider>` gives its descendants. */
export const inboxContext = createContext<InboxStore>(Symbol.for('inbox-elements.store'));
