import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { inboxContext } from '../context.js';
import { $defaultInbox } from '../stores/default-inbox.js';
import type { InboxStore } from '../stores/index.js';

/**
 * Finds the store bundle for an element: the nearest `<inbox-provider>` through context, or else
 * the default bundle from `configureInbox()`. Calls `onChange` whenever the bundle changes, so an
 * element placed before its provider (or before `configureInbox()`) connects as soon as it can.
 */
export class InboxController implements ReactiveController {
  store: InboxStore | undefined;
  #fromProvider: InboxStore | undefined;
  #unsubscribeDefault: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly onChange: (store: InboxStore | undefined) => void,
  ) {
    // Created first so its context request runs before hostConnected below checks for an answer.
    new ContextConsumer(host, {
      context: inboxContext,
      subscribe: true,
      callback: (store) => {
        this.#fromProvider = store;
        this.#stopDefault();
        this.#set(store);
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#fromProvider) return;
    this.#unsubscribeDefault = $defaultInbox.subscribe((store) => {
      if (!this.#fromProvider) this.#set(store);
    });
  }

  hostDisconnected(): void {
    this.#stopDefault();
  }

  #stopDefault(): void {
    this.#unsubscribeDefault?.();
    this.#unsubscribeDefault = undefined;
  }

  #set(store: InboxStore | undefined): void {
    if (store === this.store) return;
    this.store = store;
    this.onChange(store);
    this.host.requestUpdate();
  }
}
