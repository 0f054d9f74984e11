import { html, nothing } from 'lit';
import type { Catalogue } from '../../i18n/index.js';
import type { ConnectionStatus } from '../../stores/index.js';

export interface StateView {
  kind: 'loading' | 'empty' | 'error';
  text: string;
  messages: Catalogue;
  onRetry?: (() => void) | undefined;
  onClearSearch?: (() => void) | undefined;
}

/** Loading, empty or failed, in place of the rows; a slot of the same name replaces the text. */
export function stateMessage({ kind, text, messages, onRetry, onClearSearch }: StateView) {
  return html`<div
    part="state"
    class="state ${kind}"
    role=${kind === 'error' ? 'alert' : 'status'}
    tabindex="-1"
  >
    <slot name=${kind}
      >${text}
      ${onRetry ? html`<div><button type="button" @click=${onRetry}>${messages.retry}</button></div>` : nothing}
      ${onClearSearch ? html`<div><button type="button" @click=${onClearSearch}>${messages.clearSearch}</button></div>` : nothing}
    </slot>
  </div>`;
}

export interface BannersView {
  messages: Catalogue;
  connection: ConnectionStatus | undefined;
  /** Why the last status change failed, in words, or undefined. */
  statusError: string | undefined;
  onDismiss(): void;
}

/** The offline notice and the last failed status change, above the rows. */
export function listBanners({ messages, connection, statusError, onDismiss }: BannersView) {
  return html`${
    connection === 'reconnecting' || connection === 'offline'
      ? html`<div part="banner" class="banner offline" role="status">${messages.offline}</div>`
      : nothing
  }${
    statusError !== undefined
      ? html`<div part="banner" class="banner error" role="alert">
          <span>${statusError}</span>
          <button type="button" class="dismiss" aria-label=${messages.dismiss} @click=${onDismiss}>×</button>
        </div>`
      : nothing
  }`;
}
