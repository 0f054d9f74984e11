import { css } from 'lit';

/** Dark values of the tokens, for `theme="dark"`, and for `theme="auto"` when the system prefers dark. */
const dark = css`
  color-scheme: dark;
  --_bg: var(--inbox-color-surface, #15181d);
  --_bg-raised: var(--inbox-color-surface-raised, #1d2128);
  --_bg-hover: var(--inbox-color-surface-hover, #252a33);
  --_bg-selected: var(--inbox-color-surface-selected, #1f3354);
  --_fg: var(--inbox-color-text, #e8ebf0);
  --_fg-muted: var(--inbox-color-text-muted, #a3acb9);
  --_border: var(--inbox-color-border, #333a45);
  --_accent: var(--inbox-color-accent, #7aa7ff);
  --_accent-fg: var(--inbox-color-on-accent, #0b1220);
  --_danger: var(--inbox-color-danger, #ff8a80);
  --_danger-bg: var(--inbox-color-danger-surface, #3a1d1b);
  --_focus: var(--inbox-color-focus-ring, #7aa7ff);
  --_sms: var(--inbox-color-channel-sms, #a3acb9);
  --_whatsapp: var(--inbox-color-channel-whatsapp, #4cc38a);
  --_telegram: var(--inbox-color-channel-telegram, #5eb0ef);
  --_note: var(--inbox-color-note, #3a3214);
  --_note-fg: var(--inbox-color-on-note, #f3e3a3);
  --_note-border: var(--inbox-color-note-border, #8a7430);
  --_read: var(--inbox-color-read-receipt, #0a3d91);
`;

/**
 * The `--inbox-*` design tokens: the one place each is defined, with its light and dark value.
 * Elements use the private `--_*` names; `--inbox-color-read-receipt` sits on the outbound
 * (accent) bubble, so it contrasts with the accent rather than the surface. Light unless the element has `theme="dark"` (or `theme="auto"` and a
 * dark system preference): an embedded widget should not change colour under a host page that didn't
 * ask for it. Hosts override any public `--inbox-*` token on the element or an ancestor.
 */
export const tokens = css`
  :host {
    --_bg: var(--inbox-color-surface, #ffffff);
    --_bg-raised: var(--inbox-color-surface-raised, #f6f7f9);
    --_bg-hover: var(--inbox-color-surface-hover, #eef1f5);
    --_bg-selected: var(--inbox-color-surface-selected, #e3edff);
    --_fg: var(--inbox-color-text, #1b1f24);
    --_fg-muted: var(--inbox-color-text-muted, #5b6472);
    --_border: var(--inbox-color-border, #d9dee5);
    --_accent: var(--inbox-color-accent, #1f5fd6);
    --_accent-fg: var(--inbox-color-on-accent, #ffffff);
    --_danger: var(--inbox-color-danger, #b42318);
    --_danger-bg: var(--inbox-color-danger-surface, #fdecea);
    --_focus: var(--inbox-color-focus-ring, #1f5fd6);
    --_sms: var(--inbox-color-channel-sms, #5b6472);
    --_whatsapp: var(--inbox-color-channel-whatsapp, #1a7f4b);
    --_telegram: var(--inbox-color-channel-telegram, #1f6fb2);
    --_note: var(--inbox-color-note, #fff6d6);
    --_note-fg: var(--inbox-color-on-note, #4a3b00);
    --_note-border: var(--inbox-color-note-border, #c9a227);
    --_read: var(--inbox-color-read-receipt, #d4ebff);
    --_radius: var(--inbox-radius, 8px);
    --_space: var(--inbox-space, 8px);
    --_font: var(--inbox-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--inbox-font-size, 14px);
    color-scheme: light;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_fg);
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }

  :host([theme='dark']) {
    ${dark}
  }
`;

/**
 * Shared base: box sizing, focus ring, visually-hidden text for screen readers, one line of
 * someone's text.
 */
export const base = css`
  :host {
    box-sizing: border-box;
  }
  /* The hidden attribute hides every element, whatever display its :host sets. */
  :host([hidden]) {
    display: none !important;
  }
  /*
   * border-box directly, not \`inherit\`: an explicitly inherited property ties each element's style
   * to its parent's, so when a virtualized list moves a row (an inline transform) Chromium restyles
   * the row's whole subtree without its style caches — that was most of the cost of scrolling.
   */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  /* Kept at the start edge, without the usual -1px margin: in right-to-left text that pushed its
     1px box past the element's side. */
  .visually-hidden {
    position: absolute;
    inset-inline-start: 0;
    width: 1px;
    height: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* One line of someone's text, on a <bdi>: cut at the end of the text's own direction, where its
     container would cut it at the end of the page's. An English message in an Arabic inbox showed
     its last words, not its first. Aligned as its container aligns. */
  .one-line {
    display: block;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    /* Chromium and WebKit know the prefixed value only. */
    text-align: -webkit-match-parent;
    text-align: match-parent;
  }
  button {
    font: inherit;
    color: inherit;
  }
`;
