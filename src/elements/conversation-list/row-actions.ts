import { nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { Conversation, ConversationStatus } from '../../api/types.js';
import type { LocaleController } from '../../controllers/locale-controller.js';
import { MenuController } from '../../controllers/menu-controller.js';
import { InboxStatusChangeEvent } from '../../events/status-change.js';
import { contactName, statusLabel } from '../../i18n/labels.js';
import type { InboxStore } from '../../stores/index.js';
import { rowMenu } from './row-menu.js';

export interface RowActionsOptions {
  i18n: LocaleController;
  store(): InboxStore | undefined;
  /** A conversation the list shows now, or undefined. */
  shown(id: string): Conversation | undefined;
  /** Tells screen readers what a status change did. */
  announce(text: string): void;
}

/**
 * The status menu of one row, the row under the pointer or holding focus: which row it is, where
 * its button sits, and the change it makes (`inbox-status-change` once the server accepts it).
 */
export class RowActions implements ReactiveController {
  /** The row whose menu button shows. */
  id: string | undefined;
  #top = 0;
  readonly menu: MenuController;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: RowActionsOptions,
  ) {
    host.addController(this);
    this.menu = new MenuController(host, '#status-menu');
  }

  hostConnected(): void {}

  /** Puts the menu button beside a row. */
  show(row: HTMLElement, id: string): void {
    const body = this.host.renderRoot.querySelector('.body');
    if (!body) return;
    this.id = id;
    this.#top = row.getBoundingClientRect().top - body.getBoundingClientRect().top;
    this.host.requestUpdate();
  }

  /** Follows the pointer from row to row, unless a menu is open. */
  pointedAt(event: PointerEvent, id: string | undefined): void {
    const row = (event.target as HTMLElement).closest?.('[role="option"]');
    if (id !== undefined && row instanceof HTMLElement && !this.menu.open) this.show(row, id);
  }

  /** Opens the menu of the focused row from the keyboard (ContextMenu, Shift+F10). */
  openMenu(): void {
    void this.host.updateComplete.then(() => {
      const button = this.host.renderRoot.querySelector<HTMLElement>('.row-menu-button');
      if (button) void this.menu.show(button);
    });
  }

  /** Hides the button (the rows scrolled away from it), unless its menu is open. */
  hide(): void {
    if (this.menu.open || this.id === undefined) return;
    this.id = undefined;
    this.host.requestUpdate();
  }

  reset(): void {
    this.id = undefined;
  }

  render(canChangeStatus: boolean) {
    const conversation = this.id === undefined ? undefined : this.options.shown(this.id);
    if (!conversation || !canChangeStatus) return nothing;
    return rowMenu({
      messages: this.options.i18n.resolved.messages,
      conversation,
      top: this.#top,
      menu: this.menu,
      onMove: this.#changeStatus,
    });
  }

  #changeStatus = async (conversation: Conversation, to: ConversationStatus): Promise<void> => {
    const store = this.options.store();
    if (!store) return;
    this.menu.close();
    const changed = await store.conversations.changeStatus(conversation.id, to);
    if (!changed) return; // The banner shows why.
    const { messages } = this.options.i18n.resolved;
    this.options.announce(
      messages.statusChanged(contactName(changed.conversation), statusLabel(to, messages)),
    );
    this.host.dispatchEvent(new InboxStatusChangeEvent(changed));
  };
}
