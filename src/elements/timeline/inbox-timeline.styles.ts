import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    block-size: 560px;
    background: var(--_bg);
  }
  .frame {
    display: flex;
    flex-direction: column;
    block-size: 100%;
  }
  .header {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.25);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-block-end: 1px solid var(--_border);
    background: var(--_bg-raised);
  }
  .channel-icon {
    background: var(--_bg);
  }
  .who {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .contact {
    margin: 0;
    font-size: 1.07em;
    unicode-bidi: isolate;
  }
  .phone {
    color: var(--_fg-muted);
    font-size: 0.857em;
  }
  .presence {
    flex: 1 1 auto;
    color: var(--_fg-muted);
    font-size: 0.857em;
    min-inline-size: 0;
  }
  .viewers {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .typing {
    font-style: italic;
  }
  .status-control {
    position: relative;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 4px 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    font-size: 0.857em;
    font-weight: 600;
  }
  button.status {
    cursor: pointer;
  }
  .menu {
    inset-inline-end: 0;
    margin-block-start: 4px;
  }
  .banner {
    display: flex;
    gap: var(--_space);
    align-items: center;
    padding: var(--_space) calc(var(--_space) * 1.5);
    background: var(--_danger-bg);
    color: var(--_danger);
  }
  .banner button {
    margin-inline-start: auto;
    border: 0;
    background: transparent;
    cursor: pointer;
  }
  .log-wrap {
    position: relative;
    flex: 1 1 auto;
    min-block-size: 0;
  }
  .log {
    block-size: 100%;
    overflow: auto;
  }
  .row {
    inline-size: 100%;
    padding: 3px calc(var(--_space) * 1.5);
    box-sizing: border-box;
  }
  .beginning {
    margin: var(--_space) 0;
    color: var(--_fg-muted);
    font-size: 0.857em;
    text-align: center;
  }
  .bubble {
    display: flex;
    gap: 6px;
    align-items: flex-end;
    max-inline-size: min(75%, 38em);
  }
  .bubble.out {
    margin-inline-start: auto;
    flex-direction: row-reverse;
  }
  .bubble .body,
  .note {
    padding: 8px 10px;
    border-radius: 12px;
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
  }
  .bubble.in .body {
    background: var(--_bg-raised);
    border-end-start-radius: 4px;
  }
  .bubble.out .body {
    background: var(--_accent);
    color: var(--_accent-fg);
    border-end-end-radius: 4px;
  }
  .bubble.out a {
    color: inherit;
  }
  .bubble.pending .body {
    opacity: 0.8;
  }
  .pending-state {
    font-style: italic;
  }
  .bubble.failed .body {
    outline: 2px solid var(--_danger);
  }
  .text {
    white-space: pre-wrap;
  }
  .text pre {
    margin: 4px 0;
    padding: 6px 8px;
    border-radius: 6px;
    background: rgb(0 0 0 / 8%);
    white-space: pre-wrap;
  }
  .meta {
    display: flex;
    justify-content: flex-end;
    align-items: center;
    gap: 4px;
    margin-block-start: 2px;
    font-size: 0.75em;
  }
  .delivery.read {
    color: var(--_read);
  }
  .failure {
    margin-block-start: 6px;
    font-size: 0.857em;
  }
  .failure button {
    margin-inline-start: 6px;
    padding: 2px 8px;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .attachments {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-block-start: 4px;
  }
  .attachment.image img {
    display: block;
    max-inline-size: 180px;
    block-size: auto;
    border-radius: 8px;
  }
  .attachment.file {
    color: inherit;
  }
  .note {
    max-inline-size: min(85%, 42em);
    margin-inline: auto;
    background: var(--_note);
    color: var(--_note-fg);
    border: 1px dashed color-mix(in srgb, var(--_note-fg) 40%, transparent);
  }
  .note-head {
    display: flex;
    align-items: center;
    gap: 6px;
    font-size: 0.857em;
    margin-block-end: 2px;
  }
  .event {
    display: flex;
    justify-content: center;
    gap: 6px;
    color: var(--_fg-muted);
    font-size: 0.8em;
    text-align: center;
  }
  .event > span {
    padding: 2px 10px;
    border-radius: 999px;
    background: var(--_bg-raised);
  }
  .date {
    display: flex;
    justify-content: center;
    margin-block: 8px;
    color: var(--_fg-muted);
    font-size: 0.8em;
    font-weight: 600;
  }
  .row:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .new-messages {
    position: absolute;
    inset-block-end: 12px;
    inset-inline-start: 50%;
    translate: -50% 0;
    padding: 6px 14px;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-fg);
    box-shadow: 0 4px 12px rgb(0 0 0 / 20%);
    cursor: pointer;
  }
  .loading-older {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    padding: 4px;
    background: var(--_bg-raised);
    color: var(--_fg-muted);
    text-align: center;
    font-size: 0.857em;
  }
`;
