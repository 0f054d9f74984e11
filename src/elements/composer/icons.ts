import { svg } from 'lit';

const icon = (body: ReturnType<typeof svg>) =>
  svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

/** The composer's toolbar icons (decorative: every button has its own accessible name). */
export const icons = {
  attach: icon(
    svg`<path d="m21.4 11.1-8.5 8.5a5.5 5.5 0 0 1-7.8-7.8l8.5-8.5a3.7 3.7 0 0 1 5.2 5.2l-8.5 8.5a1.8 1.8 0 0 1-2.6-2.6l7.8-7.8" />`,
  ),
  emoji: icon(
    svg`<circle cx="12" cy="12" r="9.5" /><path d="M8 14.5s1.5 2 4 2 4-2 4-2" /><path d="M9 9.5h.01M15 9.5h.01" stroke-width="2.6" />`,
  ),
  send: icon(svg`<path d="M4 12 20 4l-5 16-3.5-6.5z" /><path d="M11.5 13.5 20 4" />`),
};
