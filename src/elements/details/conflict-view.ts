import { html } from 'lit';
import type { DetailsCatalogue } from '../../i18n/details.en.js';
import type { ChangedField } from '../../stores/index.js';

export interface ConflictView<K extends string> {
  messages: DetailsCatalogue;
  changed: ChangedField<K>[];
  /** A field's name and a value as people read them. */
  describe(field: K, value: unknown): { label: string; value: string };
  onKeepMine(): void;
  onUseTheirs(): void;
}

/**
 * What a colleague changed while the user was editing, and the two ways on: apply the user's
 * changes over theirs (the user's input is still in the form), or take theirs.
 */
export function conflictView<K extends string>(view: ConflictView<K>) {
  const { messages } = view;
  return html`<div part="conflict" class="conflict" role="alert">
    <strong>${messages.conflictTitle}</strong>
    ${
      view.changed.length
        ? html`<p>${messages.conflictIntro}</p>
            <ul>
              ${view.changed.map(({ field, before, now }) => {
                const was = view.describe(field, before);
                return html`<li>
                  <bdi>${messages.conflictField(was.label, was.value, view.describe(field, now).value)}</bdi>
                </li>`;
              })}
            </ul>`
        : html`<p>${messages.conflictNoDifference}</p>`
    }
    <div class="actions">
      <button type="button" part="conflict-keep-mine" class="primary" @click=${view.onKeepMine}>
        ${messages.conflictKeepMine}
      </button>
      <button type="button" part="conflict-use-theirs" @click=${view.onUseTheirs}>
        ${messages.conflictUseTheirs}
      </button>
    </div>
  </div>`;
}
