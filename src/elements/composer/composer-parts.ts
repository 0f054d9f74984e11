// Small templates of the composer: tabs, attachment chips, SMS/length counter and the undo bar.
import { html, nothing } from 'lit';
import type { ChannelCapabilities } from '../../api/types.js';
import { describeError, formatBytes } from '../../i18n/describe-error.js';
import type { ComposerCatalogue } from '../../i18n/composer.en.js';
import type { Catalogue, ResolvedLocale } from '../../i18n/index.js';
import { smsSegments, textLimit } from '../../stores/channel-rules.js';
import type { DraftTab, SmsEncoding, Upload } from '../../stores/index.js';

export interface TabsView {
  messages: ComposerCatalogue;
  tabs: DraftTab[];
  active: DraftTab;
  onSelect(tab: DraftTab): void;
  onKeydown(event: KeyboardEvent): void;
}

/** The WAI-ARIA tabs: *Sender Profile* and, with note permission, *Internal note*. */
export function composerTabs({ messages, tabs, active, onSelect, onKeydown }: TabsView) {
  return html`<div role="tablist" part="tabs" class="tabs" aria-label=${messages.composerTabsLabel}>
    ${tabs.map(
      (tab) =>
        html`<button
          type="button"
          role="tab"
          part="tab"
          id="tab-${tab}"
          class="tab ${tab}"
          aria-selected=${tab === active ? 'true' : 'false'}
          aria-controls="panel"
          tabindex=${tab === active ? '0' : '-1'}
          @click=${() => onSelect(tab)}
          @keydown=${onKeydown}
        >
          ${tab === 'note' ? messages.composerNoteTab : messages.composerMessageTab}
        </button>`,
    )}
  </div>`;
}

export function attachmentChips(
  chips: readonly Upload[],
  resolved: ResolvedLocale<ComposerCatalogue>,
  onRemove: (chip: Upload) => void,
) {
  if (chips.length === 0) return nothing;
  const { messages, locale } = resolved;
  return html`<ul class="chips" aria-label=${messages.attachmentsLabel}>
    ${chips.map(
      (chip) =>
        html`<li part="attachment-chip" class="chip" data-state=${chip.state}>
          <bdi class="chip-name one-line">${chip.name}</bdi>
          <span class="chip-size">${formatBytes(chip.size, locale)}</span>
          ${
            chip.state === 'uploading'
              ? html`<span class="chip-state" role="status">${messages.attachmentUploading}</span>`
              : chip.state === 'failed'
                ? html`<span class="chip-state" role="alert"
                    >${messages.attachmentFailed(chip.error ? describeError(chip.error, resolved) : '')}</span
                  >`
                : nothing
          }
          <button
            type="button"
            part="attachment-remove"
            class="icon-button small"
            aria-label=${messages.removeAttachment(chip.name)}
            @click=${() => onRemove(chip)}
          >
            <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
              <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2" />
            </svg>
          </button>
        </li>`,
    )}
  </ul>`;
}

// What one SMS part holds: alone, and as part of a concatenated message (the header takes the rest).
const PART_SIZE: Record<SmsEncoding, { single: number; multi: number }> = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
};

/** "142 / 160 · 1 SMS" (or "Unicode · …") for SMS; the length near the limit elsewhere. */
export function counterText(text: string, channel: ChannelCapabilities, messages: Catalogue): string {
  if (channel.channel === 'sms') {
    const { encoding, segments, charactersLeftInSegment } = smsSegments(text);
    const { single, multi } = PART_SIZE[encoding];
    const capacity = segments <= 1 ? single : segments * multi;
    const format = encoding === 'UCS-2' ? messages.smsCounterUnicode : messages.smsCounter;
    return format(capacity - charactersLeftInSegment, capacity, segments);
  }
  const max = textLimit(channel);
  return text.length > max * 0.9 ? messages.lengthCounter(text.length, max) : '';
}

export interface UndoView {
  messages: ComposerCatalogue;
  secondsLeft: number;
  /** Said once when the bar appears; the visible countdown is not re-announced every second. */
  announcement: string;
  busy: boolean;
  onUndo(): void;
}

export function undoBar({ messages, secondsLeft, announcement, busy, onUndo }: UndoView) {
  return html`<div part="undo-bar" class="undo-bar" role="status">
    <span aria-hidden="true">${messages.sendingIn(secondsLeft)}</span>
    <span class="visually-hidden">${announcement}</span>
    <span aria-hidden="true">·</span>
    <button type="button" part="undo-button" class="undo-button" ?disabled=${busy} @click=${onUndo}>
      ${messages.undoSend}
    </button>
  </div>`;
}
