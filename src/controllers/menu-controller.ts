import type { ReactiveController, ReactiveElement } from 'lit';
import { OutsidePressController } from './outside-press.js';

const ITEM = '[role^="menuitem"]';

/**
 * The WAI-ARIA menu button pattern for one menu in a host's shadow root: open with Enter, Space or
 * the arrow keys (focusing the first or last item), move with arrows/Home/End, choose with Enter or
 * Space, close with Escape (focus returns to the button), Tab or a click outside.
 */
export class MenuController implements ReactiveController {
  open = false;
  #button: HTMLElement | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly menuSelector: string,
  ) {
    host.addController(this);
    new OutsidePressController(host, {
      isInside: (path) => {
        const menu = this.host.renderRoot.querySelector(this.menuSelector);
        return (!!menu && path.includes(menu)) || (!!this.#button && path.includes(this.#button));
      },
      onOutside: () => this.close(false),
    });
  }

  hostConnected(): void {}

  /** Opens the menu below `button` and focuses its first (or last) item. */
  async show(button: HTMLElement, focus: 'first' | 'last' = 'first'): Promise<void> {
    this.#button = button;
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const items = this.#items();
    (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
  }

  close(returnFocus = true): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
    if (returnFocus) this.#button?.focus();
  }

  onButtonClick = (event: MouseEvent): void => {
    const button = event.currentTarget as HTMLElement;
    if (this.open && this.#button === button) this.close();
    else void this.show(button);
  };

  onButtonKeydown = (event: KeyboardEvent): void => {
    const button = event.currentTarget as HTMLElement;
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      void this.show(button, 'first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show(button, 'last');
    }
  };

  onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.#items();
    const index = items.indexOf(event.composedPath()[0] as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(items.length - 1);
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        return this.close();
      case 'Tab':
        return this.close(false);
      case 'Enter':
      case ' ':
        event.preventDefault();
        items[index]?.click();
    }
  };

  #items(): HTMLElement[] {
    const menu = this.host.renderRoot.querySelector(this.menuSelector);
    return menu ? [...menu.querySelectorAll<HTMLElement>(ITEM)] : [];
  }
}
