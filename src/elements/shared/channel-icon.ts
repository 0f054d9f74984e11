import { html, svg } from 'lit';
import type { Channel } from '../../api/types.js';
import type { Catalogue } from '../../i18n/index.js';
import { channelLabel } from '../../i18n/labels.js';

const glyphs: Record<Channel, ReturnType<typeof svg>> = {
  sms: svg`<path d="M4 4h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><path d="M7 10.5h.01M12 10.5h.01M17 10.5h.01" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`,
  whatsapp: svg`<path d="M12 3a9 9 0 0 0-7.8 13.5L3 21l4.6-1.2A9 9 0 1 0 12 3Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><path d="M9 8.5c0 3.3 3.2 6.5 6.5 6.5l1-1.6-2-1-1 .9c-1-.4-2-1.4-2.4-2.4l.9-1-1-2L9 8.5Z" fill="currentColor"/>`,
  telegram: svg`<path d="m21 4-3 16-6-5-3 4v-5l9-8-11 6-4-2 18-6Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`,
};

/** The platform icon (SMS, WhatsApp or Telegram) with its name for screen readers. */
export function channelIcon(channel: Channel, messages: Catalogue) {
  return html`<span part="channel-icon" class="channel-icon ${channel}"
    ><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      ${glyphs[channel]}</svg
    ><span class="visually-hidden">${channelLabel(channel, messages)}</span></span
  >`;
}
