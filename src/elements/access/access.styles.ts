import { css } from 'lit';

/** The Request Access and welcome screens and the pop-up (loaded with them). */
export const accessStyles = css`
  section {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
    max-inline-size: 40rem;
    margin-inline: auto;
    padding: calc(var(--_space) * 3) calc(var(--_space) * 2);
    overflow-wrap: anywhere;
  }
  section > inbox-onboarding {
    align-self: stretch;
  }
  h2 {
    margin: 0;
    font-size: 1.4em;
  }
  p {
    margin: 0;
  }
  [part~='intro'],
  [part='pending'] {
    color: var(--_fg-muted);
  }
  .notice {
    padding: 6px 10px;
    border-radius: var(--_radius);
    background: var(--_bg-raised);
  }
  [part='notice'] strong {
    display: block;
    font-size: 1.1em;
  }
  .error {
    color: var(--_danger);
  }
  button.primary {
    padding: 8px 16px;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 600;
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  dialog {
    max-inline-size: min(28rem, calc(100vw - 32px));
    padding: calc(var(--_space) * 2.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }
  dialog h2 {
    margin-block-end: var(--_space);
    font-size: 1.2em;
  }
  dialog button {
    margin-block-start: calc(var(--_space) * 2);
  }
`;
