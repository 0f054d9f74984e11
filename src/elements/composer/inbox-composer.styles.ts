import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .frame {
    position: relative;
    display: flex;
    flex-direction: column;
    background: var(--_bg);
    border-block-start: 1px solid var(--_border);
  }
  .tabs {
    display: flex;
    gap: 2px;
    padding-inline: var(--_space);
    border-block-end: 1px solid var(--_border);
    background: var(--_bg-raised);
  }
  .tab {
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border: 0;
    border-block-end: 2px solid transparent;
    background: none;
    color: var(--_fg-muted);
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    color: var(--_fg);
    border-block-end-color: var(--_accent);
    font-weight: 600;
  }
  .tab.note[aria-selected='true'] {
    border-block-end-color: var(--_note-border);
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
  }
  .frame.note .panel {
    background: var(--_note);
    box-shadow: inset 3px 0 0 var(--_note-border);
  }
  .from,
  .hint,
  .notice {
    margin: 0;
    color: var(--_fg-muted);
    font-size: 0.9em;
  }
  textarea {
    field-sizing: content;
    min-block-size: calc(2lh + var(--_space) * 1.5);
    max-block-size: 12lh;
    inline-size: 100%;
    resize: none;
    overflow-y: auto;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    line-height: 1.4;
  }
  .frame.note textarea {
    border-color: var(--_note-border);
  }
  textarea:disabled {
    background: var(--_bg-raised);
    cursor: not-allowed;
  }
  .error {
    margin: 0;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-radius: var(--_radius);
    background: var(--_danger-bg);
    color: var(--_danger);
  }
  .limit:empty {
    display: none;
  }
  .limit {
    color: var(--_danger);
    font-size: 0.9em;
  }
  .toolbar {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .counter {
    margin-inline-start: auto;
    color: var(--_fg-muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--_danger);
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    inline-size: 34px;
    block-size: 34px;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    color: var(--_fg-muted);
    cursor: pointer;
  }
  .icon-button:hover:not([disabled]) {
    background: var(--_bg-hover);
    color: var(--_fg);
  }
  .icon-button.small {
    inline-size: 24px;
    block-size: 24px;
  }
  .send {
    margin-inline-start: auto;
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  .counter + .send {
    margin-inline-start: 0;
  }
  .send:hover:not([disabled]) {
    background: var(--_accent);
    color: var(--_accent-fg);
    filter: brightness(1.1);
  }
  button[disabled] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  :host(:dir(rtl)) .send svg,
  [dir='rtl'] .send svg {
    transform: scaleX(-1);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    max-inline-size: 100%;
    padding-block: 2px;
    padding-inline: var(--_space) 2px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg-raised);
    font-size: 0.9em;
  }
  .chip[data-state='failed'] {
    border-color: var(--_danger);
  }
  .chip-name {
    max-inline-size: 24ch;
  }
  .chip-size,
  .chip-state {
    color: var(--_fg-muted);
  }
  .chip[data-state='failed'] .chip-state {
    color: var(--_danger);
  }
  .notice-line {
    margin: 0;
    font-size: 0.857em;
    color: var(--_fg-muted);
  }
  .collision {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg-raised);
  }
  .collision span {
    flex: 1 1 12em;
  }
  .collision button {
    padding: 2px var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    font: inherit;
    cursor: pointer;
  }
  .undo-bar {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-block-start: 1px solid var(--_border);
    background: var(--_bg-raised);
  }
  .undo-button {
    padding: 2px var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    font-weight: 600;
    cursor: pointer;
  }
  .emoji-popup {
    position: absolute;
    inset-block-end: 100%;
    margin-block-end: 4px;
    inset-inline-start: var(--_space);
    z-index: 3;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 6px 20px rgb(0 0 0 / 18%);
  }
  .emoji-state {
    margin: 0;
    padding: var(--_space);
  }
`;
