import { css } from 'lit';

/** A popup menu (status menus, the space menu): each element places `.menu` itself. */
export const menuStyles = css`
  .menu {
    position: absolute;
    z-index: 2;
    min-inline-size: 12em;
    padding: 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 6px 20px rgb(0 0 0 / 18%);
  }
  [role^='menuitem'] {
    padding: 8px 10px;
    border-radius: calc(var(--_radius) - 2px);
    white-space: nowrap;
    cursor: pointer;
  }
  [role^='menuitem']:hover,
  [role^='menuitem']:focus {
    background: var(--_bg-hover);
    outline: none;
  }
  [role^='menuitem']:focus-visible {
    outline: 2px solid var(--_focus);
  }
`;

/** The round SMS / WhatsApp / Telegram icon. */
export const channelIconStyles = css`
  .channel-icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    inline-size: 32px;
    block-size: 32px;
    border-radius: 50%;
    background: var(--_bg-raised);
  }
  .channel-icon.sms {
    color: var(--_sms);
  }
  .channel-icon.whatsapp {
    color: var(--_whatsapp);
  }
  .channel-icon.telegram {
    color: var(--_telegram);
  }
`;

/** Loading, empty and error messages in place of content. */
export const stateStyles = css`
  .state {
    padding: calc(var(--_space) * 3) calc(var(--_space) * 2);
    color: var(--_fg-muted);
    text-align: center;
  }
  .state.error {
    color: var(--_danger);
  }
  .state button {
    margin-block-start: var(--_space);
    padding: 4px 12px;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: transparent;
    cursor: pointer;
  }
`;

/** Form fields and a form's buttons row, as the dialogs and editors draw them. */
export const formStyles = css`
  select,
  input,
  textarea {
    min-inline-size: 0;
    padding: 6px 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
  }
`;
