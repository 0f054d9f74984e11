import { css } from 'lit';

/** What the Details need before their sections load: their own box. */
export const hostStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_bg);
    overflow: auto;
  }
`;

/** The sections, facts, editors and dialog (adopted with the lazy chunk that renders them). */
export const styles = css`
  .frame {
    display: flex;
    flex-direction: column;
  }
  .section {
    border-block-end: 1px solid var(--_border);
  }
  .section-head {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding-inline-end: var(--_space);
    background: var(--_bg-raised);
  }
  .section-title {
    flex: 1 1 auto;
    min-inline-size: 0;
    margin: 0;
    font-size: 1em;
  }
  .section-title button {
    display: flex;
    align-items: center;
    gap: 6px;
    inline-size: 100%;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    border: 0;
    background: transparent;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  .chevron {
    flex: none;
    transition: rotate 120ms ease;
  }
  :host([dir='rtl']) .chevron,
  [dir='rtl'] .chevron {
    scale: -1 1;
  }
  .open .chevron {
    rotate: 90deg;
  }
  .section-body {
    padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
  }
  button.edit,
  .actions button,
  .editor button,
  .conflict button,
  dialog button {
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }
  button.link {
    padding: 0;
    border: 0;
    background: transparent;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .facts {
    display: grid;
    gap: 6px;
    margin: 0;
  }
  .fact {
    display: grid;
    grid-template-columns: minmax(6em, 35%) minmax(0, 1fr);
    gap: var(--_space);
  }
  dt {
    color: var(--_fg-muted);
  }
  /* A value in its own direction still lines up with the others, on the side the inbox's text
     starts; notes of several lines read from their own side. */
  dd {
    margin: 0;
    overflow-wrap: anywhere;
    text-align: -webkit-match-parent;
    text-align: match-parent;
  }
  .notes {
    display: block;
    white-space: pre-wrap;
    text-align: start;
  }
  .muted {
    color: var(--_fg-muted);
  }
  .chip,
  .agent {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    margin-inline-end: 6px;
  }
  .chip {
    padding: 1px 8px;
    border-radius: 999px;
    background: var(--_bg-raised);
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tag {
    padding: 2px 10px;
    border-radius: 999px;
    font-size: 0.857em;
    font-weight: 600;
  }
  .previous {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .previous-item {
    display: flex;
    align-items: center;
    gap: var(--_space);
    inline-size: 100%;
    padding: 6px;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    text-align: start;
    cursor: pointer;
  }
  .previous-item:hover {
    background: var(--_bg-hover);
  }
  .previous-text {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 8px;
    min-inline-size: 0;
  }
  .previous-text .preview {
    flex-basis: 100%;
    color: var(--_fg-muted);
  }
  .status {
    font-weight: 600;
  }
  .editor {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    display: grid;
    gap: 4px;
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  legend {
    padding-inline: 4px;
    font-weight: 600;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 6px;
    flex-wrap: wrap;
  }
  .choice .count {
    margin-inline-start: auto;
    font-size: 0.857em;
  }
  .swatch {
    inline-size: 12px;
    block-size: 12px;
    border-radius: 50%;
  }
  .new-tag {
    grid-template-columns: minmax(0, 1fr);
  }
  .inline {
    display: flex;
    align-items: center;
    gap: 6px;
    flex-wrap: wrap;
  }
  .error,
  .field-problem {
    margin: 2px 0 0;
    color: var(--_danger);
  }
  .conflict {
    display: grid;
    gap: 4px;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_danger-bg);
    color: var(--_fg);
  }
  .conflict p,
  .conflict ul {
    margin: 0;
  }
  .field-note {
    margin: 4px 0 0;
    font-size: 0.929em;
  }
  dialog {
    inline-size: min(32rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 40%);
  }
  dialog h2 {
    margin: 0 0 var(--_space);
    font-size: 1.15em;
  }
  dialog form {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  .field {
    display: grid;
    gap: 4px;
  }
  .field label {
    font-weight: 600;
  }
  input,
  select,
  textarea {
    inline-size: 100%;
  }
  input[type='checkbox'] {
    inline-size: auto;
  }
  input[type='color'] {
    inline-size: 3em;
    padding: 2px;
  }
  .phone-inputs {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    gap: 6px;
  }
  @container (max-width: 280px) {
    .fact,
    .phone-inputs {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
