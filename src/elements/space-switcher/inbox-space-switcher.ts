import { css, html, nothing } from 'lit';
import type { Space } from '../../api/types.js';
import { MenuController } from '../../controllers/menu-controller.js';
import { StoreController } from '../../controllers/store-controller.js';
import { InboxSpaceChangeEvent } from '../../events/space-change.js';
import type { InboxStore } from '../../stores/index.js';
import { menuStyles } from '../../styles/shared.js';
import { InboxElement } from '../inbox-element.js';

/**
 * @summary Shows the current space and, for users in several spaces, switches between them: every
 * inbox element of the same provider reloads for the chosen space.
 * @tag inbox-space-switcher
 *
 * @fires {InboxSpaceChangeEvent} inbox-space-change - The user switched to another space; `detail.space` is it.
 *
 * @csspart button - The button showing the current space, with its arrow.
 * @csspart menu - The list of spaces.
 * @csspart menu-item - One space.
 *
 * @cssprop --inbox-color-surface - Menu background.
 * @cssprop --inbox-color-surface-hover - Background of the item under the pointer or focus.
 * @cssprop --inbox-color-text - Text colour.
 * @cssprop --inbox-color-border - Button and menu border.
 * @cssprop --inbox-color-focus-ring - Keyboard focus outline.
 * @cssprop --inbox-radius - Corner radius.
 */
export class InboxSpaceSwitcher extends InboxElement {
  static override styles = [
    ...InboxElement.styles,
    menuStyles,
    css`
      :host {
        display: inline-block;
        position: relative;
      }
      button {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        padding: 6px 10px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        cursor: pointer;
      }
      button[disabled] {
        cursor: default;
      }
      .menu {
        inset-inline-start: 0;
        inset-block-end: 100%;
        min-inline-size: 100%;
        margin-block-end: 4px;
      }
      :host([menu-below]) .menu {
        inset-block: 100% auto;
        margin-block: 4px 0;
      }
      [role='menuitemradio'] {
        position: relative;
        padding-inline-start: 28px;
      }
      [role='menuitemradio'][aria-checked='true']::before {
        content: '✓';
        position: absolute;
        inset-inline-start: 10px;
      }
    `,
  ];

  readonly #spaces = new StoreController<Space[]>(this);
  readonly #activeId = new StoreController<string | null>(this);
  readonly #menu = new MenuController(this, '.menu');

  protected override storeChanged(store: InboxStore | undefined): void {
    this.#spaces.store = store?.directory.$spaces;
    this.#activeId.store = store?.directory.$activeSpaceId;
  }

  protected override render() {
    const { messages, dir } = this.i18n.resolved;
    const spaces = this.#spaces.value ?? [];
    const active = spaces.find((space) => space.id === this.#activeId.value);
    if (!active) return nothing;
    const single = spaces.length < 2;
    return html`<div dir=${dir}>
      <button
        part="button"
        type="button"
        aria-haspopup=${single ? nothing : 'menu'}
        aria-expanded=${single ? nothing : this.#menu.open ? 'true' : 'false'}
        aria-label=${messages.switchSpace(active.name)}
        ?disabled=${single}
        @click=${this.#menu.onButtonClick}
        @keydown=${this.#menu.onButtonKeydown}
      >
        <span>${active.name}</span>
        ${
          single
            ? nothing
            : html`<svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
                <path d="m6 9 6 6 6-6" fill="none" stroke="currentColor" stroke-width="2" />
              </svg>`
        }
      </button>
      ${
        this.#menu.open
          ? html`<div role="menu" part="menu" class="menu" aria-label=${messages.spaceLabel}>
              ${spaces.map(
                (space) =>
                  html`<div
                    role="menuitemradio"
                    part="menu-item"
                    tabindex="-1"
                    aria-checked=${space.id === active.id ? 'true' : 'false'}
                    @click=${() => this.#choose(space)}
                    @keydown=${this.#menu.onMenuKeydown}
                  >
                    ${space.name}
                  </div>`,
              )}
            </div>`
          : nothing
      }
    </div>`;
  }

  #choose(space: Space): void {
    this.#menu.close();
    if (space.id === this.#activeId.value) return;
    void this.inbox.store?.directory.setActiveSpace(space.id);
    this.dispatchEvent(new InboxSpaceChangeEvent({ space }));
  }
}
