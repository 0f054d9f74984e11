import { css } from 'lit';

/** The trigger; the dialog's styles arrive with it (dialog.styles.ts). */
export const styles = css`
  :host {
    display: inline-block;
  }
  .trigger {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    inline-size: 32px;
    block-size: 32px;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: 50%;
    background: var(--_bg);
    color: var(--_accent);
    cursor: pointer;
  }
  .trigger:hover {
    background: var(--_bg-hover);
  }
`;
