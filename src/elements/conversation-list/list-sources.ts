import type { ReactiveControllerHost } from 'lit';
import type { InboxApiError } from '../../api/errors.js';
import type { Capabilities, PresenceEntry, Team, User } from '../../api/types.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { ConnectionStatus, ConversationIndex, InboxStore, RateLimit } from '../../stores/index.js';

/**
 * The inbox-wide stores the list reads besides its own query, each re-rendering the list when it
 * changes: the conversation cache (visible rows look themselves up in it), the selection, people,
 * presence, the clock, the connection, a rate-limit wait, the last failed status change and whether
 * the active space's teams are known yet.
 */
export class ListSources {
  readonly byId: StoreController<ConversationIndex>;
  readonly activeId: StoreController<string | null>;
  readonly teams: StoreController<Team[]>;
  readonly users: StoreController<Record<string, User>>;
  readonly presence: StoreController<Record<string, PresenceEntry[]>>;
  readonly now: StoreController<number>;
  readonly connection: StoreController<ConnectionStatus>;
  /** A "too many requests" wait of the list, counting down. */
  readonly rateLimit: StoreController<RateLimit | null>;
  readonly capabilities: StoreController<Capabilities | undefined>;
  readonly meId: StoreController<string | undefined>;
  readonly statusError: StoreController<{ conversationId: string; error: InboxApiError } | null>;
  readonly directoryPending: StoreController<boolean>;

  constructor(host: ReactiveControllerHost) {
    this.byId = new StoreController(host);
    this.activeId = new StoreController(host);
    this.teams = new StoreController(host);
    this.users = new StoreController(host);
    this.presence = new StoreController(host);
    this.now = new StoreController(host);
    this.connection = new StoreController(host);
    this.rateLimit = new StoreController(host);
    this.capabilities = new StoreController(host);
    this.meId = new StoreController(host);
    this.statusError = new StoreController(host);
    this.directoryPending = new StoreController(host);
  }

  connect(store: InboxStore | undefined): void {
    this.byId.store = store?.conversations.$conversationsById;
    this.activeId.store = store?.conversations.$activeConversationId;
    this.teams.store = store?.directory.$teams;
    this.users.store = store?.directory.$usersById;
    this.presence.store = store?.presence.$byConversation;
    this.now.store = store?.clock.$now;
    this.connection.store = store?.realtime.$connection;
    this.rateLimit.store = store?.rateLimits.$limit('list');
    this.capabilities.store = store?.session.$capabilities;
    this.meId.store = store?.session.$meId;
    this.statusError.store = store?.conversations.$statusChangeError;
    this.directoryPending.store = store?.directory.$directoryPending;
  }
}
