import { css } from 'lit';

/** The dialog and its steps: fields, lines under them, the actions row. Loaded with the dialog. */
export const dialogStyles = css`
  dialog {
    inline-size: min(30rem, calc(100vw - 2 * var(--_space)));
    max-block-size: calc(100dvh - 2 * var(--_space));
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    box-shadow: 0 12px 40px rgb(0 0 0 / 30%);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }
  .header {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2) 0;
  }
  h2 {
    flex: 1;
    margin: 0;
    font-size: 1.15em;
  }
  .close {
    display: inline-flex;
    padding: 6px;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_fg-muted);
    cursor: pointer;
  }
  .close:hover {
    background: var(--_bg-hover);
  }
  .step {
    margin: 0;
    padding: 0 calc(var(--_space) * 2);
    color: var(--_fg-muted);
    font-size: 0.9em;
  }
  .state {
    margin: 0;
    padding: calc(var(--_space) * 2);
    color: var(--_fg-muted);
  }
  .state.error {
    color: var(--_danger);
  }
  .form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2) calc(var(--_space) * 2);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-inline-size: 0;
  }
  label {
    font-weight: 600;
  }
  .phone-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .phone-row select {
    flex: 1 1 9em;
    max-inline-size: 100%;
  }
  .phone-row input {
    flex: 2 1 10em;
  }
  textarea {
    field-sizing: content;
    min-block-size: calc(4lh + 12px);
    max-block-size: 14lh;
    resize: vertical;
    line-height: 1.4;
  }
  .hint,
  .line,
  .summary,
  .meta {
    margin: 0;
    color: var(--_fg-muted);
    font-size: 0.9em;
  }
  .line:not(.muted) {
    color: var(--_fg);
  }
  .line.refused,
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9em;
  }
  .field-error:empty {
    display: none;
  }
  .lookups {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .lookups:empty {
    display: none;
  }
  .existing {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_bg-raised);
  }
  .existing p {
    flex: 1 1 12em;
    margin: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
  }
  .counter.over {
    color: var(--_danger);
  }
  .error {
    margin: 0;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_danger-bg);
    color: var(--_danger);
  }
  .primary,
  .secondary {
    padding: 6px 14px;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .primary {
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 600;
  }
  .secondary {
    border: 1px solid var(--_border);
    background: var(--_bg);
  }
  .primary:disabled,
  .primary[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline-offset: 2px;
  }
`;
