import { html, svg } from 'lit';
import type { ChannelCapabilities, DeliveryStatus } from '../../api/types.js';
import type { TimelineCatalogue } from '../../i18n/timeline.en.js';

const ORDER: DeliveryStatus[] = ['scheduled', 'queued', 'sent', 'delivered', 'read'];

/**
 * The status a channel can really report: SMS never says Read, Telegram only Sent. A server that
 * claims more is shown as the last receipt the channel has.
 */
export function visibleStatus(
  status: DeliveryStatus,
  channel: ChannelCapabilities | undefined,
): DeliveryStatus {
  if (!channel || !['sent', 'delivered', 'read'].includes(status)) return status;
  const reached = ORDER.indexOf(status);
  const receipts = channel.receipts as DeliveryStatus[];
  return [...receipts].reverse().find((receipt) => ORDER.indexOf(receipt) <= reached) ?? 'sent';
}

export function statusLabel(status: DeliveryStatus, messages: TimelineCatalogue): string {
  const labels: Record<DeliveryStatus, string> = {
    scheduled: messages.deliveryScheduled,
    queued: messages.deliveryQueued,
    sent: messages.deliverySent,
    delivered: messages.deliveryDelivered,
    read: messages.deliveryRead,
    failed: messages.deliveryFailed,
    cancelled: messages.deliveryCancelled,
  };
  return labels[status];
}

const check = (x: number) =>
  svg`<path d="M${x} 12.5l3.5 3.5L${x + 11} 8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;
const icons: Partial<Record<DeliveryStatus, ReturnType<typeof svg>>> = {
  scheduled: svg`<circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 8v4l3 2" fill="none" stroke="currentColor" stroke-width="2"/>`,
  queued: svg`<circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="2"/><path d="M12 8v4l3 2" fill="none" stroke="currentColor" stroke-width="2"/>`,
  sent: check(5),
  delivered: svg`${check(2)}${check(8)}`,
  read: svg`${check(2)}${check(8)}`,
  failed: svg`<circle cx="12" cy="12" r="9" fill="currentColor"/><path d="M12 7v6M12 16.5v.5" stroke="#fff" stroke-width="2.2" stroke-linecap="round"/>`,
};

/**
 * A small icon with its name as text (the name is what screen readers and tooltips get); `label`
 * says more than the status's name where there is more to say (a send still in this browser).
 */
export function deliveryStatus(
  status: DeliveryStatus,
  messages: TimelineCatalogue,
  label = statusLabel(status, messages),
) {
  return html`<span part="delivery-status" class="delivery ${status}" title=${label}
    ><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">${icons[status] ?? ''}</svg
    ><span class="visually-hidden">${label}</span></span
  >`;
}
