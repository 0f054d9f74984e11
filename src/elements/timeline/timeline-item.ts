import { html, nothing } from 'lit';
import type {
  Attachment,
  ChannelCapabilities,
  EventItem,
  MessageItem,
  NoteItem,
  Origin,
  Tag,
  Team,
  TimelineEvent,
  User,
} from '../../api/types.js';
import type { LocaleController } from '../../controllers/locale-controller.js';
import type { PendingEntry } from '../../stores/index.js';
import { describeError, formatBytes } from '../../i18n/describe-error.js';
import type { TimelineCatalogue, TimelineWords } from '../../i18n/timeline.en.js';
import { avatar } from '../shared/avatar.js';
import { isolate } from '../../i18n/bidi.js';
import { statusLabel as conversationStatusLabel } from '../../i18n/labels.js';
import { deliveryStatus, visibleStatus } from './delivery-status.js';
import { richText } from './rich-text.js';

export interface ItemView {
  i18n: LocaleController<TimelineWords>;
  channel: ChannelCapabilities | undefined;
  usersById: Record<string, User>;
  tagsById: Record<string, Tag>;
  teamsById: Record<string, Team>;
  /** The contact's name or number, for inbound messages. */
  contactName: string;
  onRetry(item: MessageItem): void;
  /** Failed server messages whose retry is under way: they show as sending until the server answers. */
  retrying: readonly string[];
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
/** Our own origin or https only: an attachment URL is server data and must not become javascript:. */
const safeUrl = (url: string) => (/^(https:\/\/|\/(?!\/))/.test(url) ? url : undefined);

/** Raster images show as thumbnails; everything else (SVG and HTML included) is a download link. */
function attachment(file: Attachment, view: ItemView) {
  const url = safeUrl(file.url);
  const label = view.i18n.messages.attachmentLabel(
    file.name,
    formatBytes(file.size, view.i18n.resolved.locale),
  );
  if (!url) return html`<span part="attachment" class="attachment">${label}</span>`;
  return IMAGE_TYPES.has(file.contentType)
    ? html`<a part="attachment" class="attachment image" href=${url} target="_blank" rel="noopener noreferrer"
        ><img src=${url} alt=${file.name} loading="lazy" width="180" height="120"
      /></a>`
    : html`<a
        part="attachment"
        class="attachment file"
        href=${url}
        download=${file.name}
        rel="noopener noreferrer"
        >${label}</a
      >`;
}

function time(iso: string, view: ItemView) {
  return html`<time part="timestamp" class="stamp" datetime=${iso} title=${view.i18n.formatFull(iso)}
    >${view.i18n.formatTime(iso)}</time
  >`;
}

export function messageBubble(item: MessageItem, view: ItemView) {
  const { messages } = view.i18n;
  const outbound = item.direction === 'out';
  const author = item.authorId ? view.usersById[item.authorId] : undefined;
  const status = visibleStatus(item.status, view.channel);
  // No whitespace between the bubble's blocks: each would be a text node of its own in every row.
  return html`<div
    part="message ${outbound ? 'outbound' : 'inbound'}"
    class="bubble ${outbound ? 'out' : 'in'} ${item.status}"
    >${outbound && author ? html`<span class="author">${avatar(author)}</span>` : nothing}<div class="body"
      ><span class="visually-hidden"
        >${outbound ? (author?.name ?? messages.youLabel) : view.contactName}: </span
      >${item.text ? html`<div class="text" dir="auto">${richText(item.text)}</div>` : nothing}${
        item.attachments.length
          ? html`<div class="attachments">${item.attachments.map((a) => attachment(a, view))}</div>`
          : nothing
      }<div class="meta"
        >${time(item.createdAt, view)}${outbound ? deliveryStatus(status, messages) : nothing}</div
      >${
        item.status === 'failed' && view.retrying.includes(item.id)
          ? html`<div class="pending-state" role="status">${messages.pendingSending}</div>`
          : item.status === 'failed'
            ? html`<div class="failure" role="alert">
                ${messages.failedBecause(item.failureReason ?? messages.deliveryFailed)}
                <button type="button" part="retry" @click=${() => view.onRetry(item)}>
                  ${messages.retrySend}
                </button>
              </div>`
            : nothing
      }</div
    ></div
  >`;
}

export function noteBubble(item: NoteItem, view: ItemView) {
  const author = view.usersById[item.authorId];
  return html`<div part="note" class="note"
    ><div class="note-head"
      >${author ? avatar(author) : nothing}<strong>${view.i18n.messages.internalNote}</strong
      ><bdi>${author?.name ?? view.i18n.messages.someone}</bdi></div
    ><div class="text" dir="auto">${richText(item.text)}</div
    ><div class="meta">${time(item.createdAt, view)}</div></div
  >`;
}

function originLabel(origin: Origin, messages: TimelineCatalogue): string {
  const labels: Record<Origin, string> = {
    api: messages.originApi,
    dialer: messages.originDialer,
    campaign: messages.originCampaign,
    inbox: messages.originInbox,
    inbound: messages.originInbound,
  };
  return labels[origin];
}

type AssignmentEvent = Extract<TimelineEvent, { type: 'assignment_changed' }>;
type ContactEvent = Extract<TimelineEvent, { type: 'contact_updated' }>;

/** Who assigned or took off whom (and which teams); older events say only who is assigned now. */
function assignmentText(event: AssignmentEvent, view: ItemView): string {
  const { messages } = view.i18n;
  const who = isolate((event.actorId && view.usersById[event.actorId]?.name) || messages.someone);
  const users = (ids: string[]) =>
    ids.map((id) => isolate(view.usersById[id]?.name ?? messages.someone)).join(', ');
  const teams = (ids: string[]) => ids.map((id) => isolate(view.teamsById[id]?.name ?? id)).join(', ');
  const parts = [
    event.addedAssigneeIds?.length ? messages.eventAssignedBy(users(event.addedAssigneeIds), who) : '',
    event.removedAssigneeIds?.length ? messages.eventUnassignedBy(users(event.removedAssigneeIds), who) : '',
    event.addedTeamIds?.length ? messages.eventTeamsAddedBy(teams(event.addedTeamIds), who) : '',
    event.removedTeamIds?.length ? messages.eventTeamsRemovedBy(teams(event.removedTeamIds), who) : '',
  ].filter(Boolean);
  if (parts.length) return parts.join(' · ');
  return event.assigneeIds.length
    ? messages.eventAssigned(users(event.assigneeIds))
    : messages.eventUnassigned;
}

function contactFields(fields: NonNullable<ContactEvent['fields']>, view: ItemView): string {
  const m = view.i18n.messages;
  const labels = {
    name: m.contactName,
    phone: m.contactPhone,
    email: m.contactEmail,
    company: m.contactCompany,
    notes: m.contactNotes,
  };
  const list = new Intl.ListFormat(view.i18n.resolved.locale, { type: 'conjunction' });
  return list.format(fields.map((field) => labels[field].toLocaleLowerCase(view.i18n.resolved.locale)));
}

/** What an event badge says, in words: the change, who made it and why. */
export function eventText(event: TimelineEvent, view: ItemView): string {
  const { messages } = view.i18n;
  const name = (id: string | null) => isolate((id && view.usersById[id]?.name) || messages.someone);
  const tags = (ids: string[]) => ids.map((id) => isolate(view.tagsById[id]?.name ?? id)).join(', ');
  switch (event.type) {
    case 'status_changed': {
      const why =
        event.reason === 'contact_replied'
          ? messages.reasonContactReplied
          : event.reason === 'rule'
            ? messages.reasonRule
            : messages.reasonAgent(name(event.actorId));
      return messages.eventStatus(
        conversationStatusLabel(event.from, messages),
        conversationStatusLabel(event.to, messages),
        why,
      );
    }
    case 'tags_changed':
      return [
        event.added.length ? messages.eventTagsAdded(tags(event.added), name(event.actorId)) : '',
        event.removed.length ? messages.eventTagsRemoved(tags(event.removed), name(event.actorId)) : '',
      ]
        .filter(Boolean)
        .join(' · ');
    case 'assignment_changed':
      return assignmentText(event, view);
    case 'contact_updated':
      return event.fields?.length
        ? messages.eventContactFieldsUpdated(contactFields(event.fields, view), name(event.actorId))
        : messages.eventContactUpdated(name(event.actorId));
    case 'created':
      return messages.eventCreated(originLabel(event.origin, messages));
  }
}

export function eventBadge(item: EventItem, view: ItemView) {
  return html`<div part="event" class="event"
    ><span>${eventText(item.event, view)}</span>${time(item.createdAt, view)}</div
  >`;
}

export function dateSeparator(iso: string, view: ItemView) {
  return html`<div part="date-separator" class="date" role="separator"
    ><span>${view.i18n.formatDay(iso)}</span></div
  >`;
}

/** What a send still in this browser is doing, in words. */
function pendingLabel(entry: PendingEntry, messages: TimelineCatalogue): string {
  if (entry.state === 'failed') return messages.pendingFailed;
  if (entry.state === 'sending') return messages.pendingSending;
  return entry.retrying ? messages.pendingWaitingNetwork : messages.pendingQueued;
}

export interface PendingActions {
  onDismiss(entry: PendingEntry): void;
  /** Sends a refused entry again; it shows as sending until the server confirms. */
  onResend(entry: PendingEntry): void;
}

/**
 * A send the server has not acknowledged yet: queued (its turn, the network, the server's limit),
 * sending, or refused with Retry and Dismiss. Its text stays in every state.
 */
export function pendingBubble(entry: PendingEntry, view: ItemView, actions: PendingActions) {
  const { messages } = view.i18n;
  const failed = entry.state === 'failed';
  const note = entry.itemKind === 'note';
  const label = pendingLabel(entry, messages);
  const icon = failed ? 'failed' : entry.state === 'sending' ? 'scheduled' : 'queued';
  return html`<div
    part=${note ? 'note pending' : 'message outbound pending'}
    class="${note ? 'note' : 'bubble out'} pending ${entry.status} ${entry.state}"
    data-state=${entry.state}
  >
    <div class="body">
      <div class="text" dir="auto">${richText(entry.text)}</div>
      <div class="meta">
        ${time(entry.createdAt, view)}${deliveryStatus(icon, messages, label)}
        ${
          // Said once to screen readers, by the status icon's own label.
          failed
            ? nothing
            : html`<span part="pending-state" class="pending-state" aria-hidden="true">${label}</span>`
        }
      </div>
      ${
        failed
          ? html`<div class="failure" role="alert">
              ${messages.failedBecause(entry.error ? describeError(entry.error, view.i18n.resolved) : messages.deliveryFailed)}
              <button
                type="button"
                part="retry"
                aria-label=${note ? messages.retryPendingNote : messages.retryPending}
                @click=${() => actions.onResend(entry)}
              >
                ${messages.retrySend}
              </button>
              <button type="button" part="dismiss" @click=${() => actions.onDismiss(entry)}>
                ${messages.dismiss}
              </button>
            </div>`
          : nothing
      }
    </div>
  </div>`;
}
