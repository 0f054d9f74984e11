import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_bg);
    block-size: 480px;
  }
  .frame {
    display: flex;
    flex-direction: column;
    block-size: 100%;
  }
  .header {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5) 0;
    background: var(--_bg-raised);
    border-block-end: 1px solid var(--_border);
  }
  .filters,
  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  /* Each select as wide as its longest option, wrapping to the next line rather than truncating. */
  .field {
    flex: 1 1 max-content;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  select,
  input[type='search'] {
    inline-size: 100%;
    padding: 6px 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
  }
  input[type='search'] {
    flex: 1 1 10em;
    inline-size: auto;
  }
  .toggle {
    padding: 6px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    cursor: pointer;
  }
  .toggle[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  .tabs {
    display: flex;
    gap: 2px;
    margin-block-start: 2px;
  }
  [role='tab'] {
    flex: 1 1 auto;
    padding: 8px 6px;
    border: 0;
    border-block-end: 3px solid transparent;
    background: transparent;
    color: var(--_fg-muted);
    cursor: pointer;
    white-space: nowrap;
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--_accent);
    color: var(--_fg);
    font-weight: 600;
  }
  .count {
    display: inline-block;
    min-inline-size: 1.6em;
    padding: 0 5px;
    border-radius: 9px;
    background: var(--_bg-hover);
    font-size: 0.786em;
    font-variant-numeric: tabular-nums;
  }
  .banner {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    font-size: 0.929em;
  }
  .banner.offline {
    background: var(--_bg-raised);
    color: var(--_fg-muted);
  }
  .banner.error {
    background: var(--_danger-bg);
    color: var(--_danger);
  }
  .banner .dismiss {
    margin-inline-start: auto;
    border: 0;
    background: transparent;
    font-size: 1.2em;
    cursor: pointer;
  }
  .body {
    position: relative;
    flex: 1 1 auto;
    min-block-size: 0;
  }
  .list {
    block-size: 100%;
    overflow: auto;
  }
  /* "Loading conversations…" over the empty listbox, which is laid out before its rows arrive. */
  .list + .state {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
  }
  .row {
    display: grid;
    inline-size: 100%;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-areas:
      'icon name time'
      'icon preview meta';
    column-gap: calc(var(--_space) * 1.25);
    row-gap: 2px;
    align-items: center;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    padding-inline-end: calc(var(--_space) * 5);
    border-block-end: 1px solid var(--_border);
    cursor: pointer;
    user-select: none;
  }
  .row:hover {
    background: var(--_bg-hover);
  }
  .row[aria-selected='true'] {
    background: var(--_bg-selected);
  }
  .channel-icon {
    grid-area: icon;
  }
  .name,
  .preview {
    min-inline-size: 0;
    unicode-bidi: isolate;
  }
  .name {
    grid-area: name;
    font-weight: 600;
  }
  .unread .name {
    font-weight: 700;
  }
  .time {
    grid-area: time;
    color: var(--_fg-muted);
    font-size: 0.857em;
    white-space: nowrap;
  }
  /* What a preview starts with ("Note: ", "You: ", a colleague's name) stays whole, spaces
     included; the text after it is cut (.one-line). */
  .preview {
    grid-area: preview;
    display: flex;
    white-space: pre;
    color: var(--_fg-muted);
  }
  .note-label {
    font-style: italic;
  }
  mark {
    background: color-mix(in srgb, var(--_accent) 22%, transparent);
    color: inherit;
    border-radius: 2px;
  }
  .meta {
    grid-area: meta;
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .viewers {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    color: var(--_accent);
  }
  .badge {
    min-inline-size: 20px;
    padding: 0 6px;
    border-radius: 10px;
    background: var(--_accent);
    color: var(--_accent-fg);
    font-size: 0.786em;
    font-weight: 700;
    line-height: 20px;
    text-align: center;
  }
  .row-actions {
    position: absolute;
    inset-inline-end: 4px;
    z-index: 1;
    padding-block-start: 10px;
  }
  .row-menu-button {
    display: inline-flex;
    padding: 4px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_bg-raised);
    color: var(--_fg-muted);
    cursor: pointer;
  }
  .row-menu-button:hover,
  .row-menu-button[aria-expanded='true'] {
    color: var(--_fg);
    background: var(--_bg-hover);
  }
  .menu {
    inset-inline-end: 0;
    margin-block-start: 2px;
  }
  .loading-more {
    position: absolute;
    inset-block-end: 0;
    inset-inline: 0;
    padding: 6px;
    background: var(--_bg-raised);
    color: var(--_fg-muted);
    text-align: center;
    font-size: 0.857em;
  }
  /* Four tabs with their counts do not fit one line in a narrow list: two by two. */
  @container (max-width: 359px) {
    .tabs {
      display: grid;
      grid-template-columns: 1fr 1fr;
    }
    [role='tab'] {
      padding-block: 6px;
    }
  }
  @container (max-width: 300px) {
    .row {
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas:
        'name time'
        'preview meta';
    }
    .channel-icon {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .filters {
      flex-direction: column;
    }
  }
`;
