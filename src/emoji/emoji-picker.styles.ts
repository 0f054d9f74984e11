import { css } from 'lit';

/** Colour emoji fonts first, so the system's emoji glyphs draw rather than a text font's. */
export const emojiFonts = css`'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji', 'Twemoji Mozilla', sans-serif`;
const CELL = css`36px`;

/** The picker inherits the composer's private tokens (`--_bg`, `--_fg`…); the fallbacks keep it readable alone. */
export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 6px;
    inline-size: calc(8 * ${CELL} + 16px);
    max-inline-size: 100%;
    padding: 8px;
    color: var(--_fg, CanvasText);
  }
  .search,
  select {
    font: inherit;
    color: inherit;
    background: var(--_bg, Canvas);
    border: 1px solid var(--_border, GrayText);
    border-radius: var(--_radius, 8px);
  }
  .search {
    inline-size: 100%;
    padding: 6px 8px;
  }
  .tabs {
    display: flex;
    overflow-x: auto;
    border-block-end: 1px solid var(--_border, GrayText);
  }
  .tab {
    flex: 1 0 30px;
    block-size: 34px;
    padding: 0;
    border: 0;
    border-block-end: 2px solid transparent;
    background: none;
    font-family: ${emojiFonts};
    font-size: 18px;
    cursor: pointer;
  }
  .tab:hover {
    background: var(--_bg-hover, transparent);
  }
  .tab[aria-selected='true'] {
    border-block-end-color: var(--_accent, Highlight);
  }
  .bar {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    color: var(--_fg-muted, inherit);
    font-size: 0.9em;
  }
  .grid-label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .tone {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .swatch {
    font-family: ${emojiFonts};
  }
  select {
    padding: 2px 4px;
  }
  .panel {
    block-size: calc(6 * ${CELL});
    overflow-y: auto;
  }
  .row {
    display: flex;
  }
  .emoji {
    display: grid;
    place-items: center;
    inline-size: ${CELL};
    block-size: ${CELL};
    padding: 0;
    border: 0;
    border-radius: 6px;
    background: none;
    font-family: ${emojiFonts};
    font-size: 22px;
    line-height: 1;
    cursor: pointer;
  }
  .emoji:hover,
  .emoji:focus {
    background: var(--_bg-hover, transparent);
  }
  .empty {
    margin: 0;
    padding: 8px;
    color: var(--_fg-muted, inherit);
  }
`;
