import type { ReactiveControllerHost } from 'lit';
import { InboxApiError } from '../../api/errors.js';
import type { Attachment, ChannelCapabilities } from '../../api/types.js';
import { checkAttachment, type OutboxStore } from '../../stores/index.js';
import type { Chip } from './composer-parts.js';

let chipCount = 0;
const nextKey = (): string => `chip-${++chipCount}`;

/**
 * The files attached in a composer, per conversation (uploads are per page, not saved with the
 * draft): checked against the channel, uploaded through the outbox, shown again after an undo.
 */
export class ComposerAttachments {
  readonly #chips = new Map<string, Chip[]>();
  /** Uploaded attachments by id, to show them again after an undo or a refusal. */
  readonly #uploaded = new Map<string, Attachment>();

  constructor(private readonly host: ReactiveControllerHost) {}

  of(conversationId: string): Chip[] {
    return this.#chips.get(conversationId) ?? [];
  }

  /** Ids of the uploaded files, for a send. */
  readyIds(conversationId: string): string[] {
    return this.of(conversationId).flatMap((chip) => (chip.state === 'ready' && chip.id ? [chip.id] : []));
  }

  clear(conversationId: string): void {
    this.#set(conversationId, []);
  }

  /** Checks each file and uploads the acceptable ones; returns why the others were refused. */
  add(
    files: readonly File[],
    conversationId: string,
    channel: ChannelCapabilities,
    outbox: OutboxStore,
  ): { name: string; reason: string }[] {
    const refused: { name: string; reason: string }[] = [];
    for (const file of files) {
      const reason = checkAttachment(file, channel);
      if (reason) {
        refused.push({ name: file.name, reason });
        continue;
      }
      const key = nextKey();
      this.#set(conversationId, [
        ...this.of(conversationId),
        { key, name: file.name, size: file.size, state: 'uploading' },
      ]);
      outbox.upload(file, channel).then(
        (attachment) => {
          this.#uploaded.set(attachment.id, attachment);
          this.#patch(conversationId, key, { state: 'ready', id: attachment.id });
        },
        (thrown: unknown) =>
          this.#patch(conversationId, key, { state: 'failed', error: InboxApiError.from(thrown).message }),
      );
    }
    return refused;
  }

  remove(conversationId: string, key: string): void {
    this.#set(
      conversationId,
      this.of(conversationId).filter((chip) => chip.key !== key),
    );
  }

  /** Shows attachments of an undone or refused send again, before anything attached since. */
  restore(conversationId: string, ids: readonly string[]): void {
    if (ids.length === 0) return;
    const current = this.of(conversationId);
    const back: Chip[] = ids
      .filter((id) => !current.some((chip) => chip.id === id))
      .map((id) => {
        const known = this.#uploaded.get(id);
        return { key: nextKey(), id, name: known?.name ?? id, size: known?.size ?? 0, state: 'ready' };
      });
    this.#set(conversationId, [...back, ...current]);
  }

  #set(conversationId: string, chips: Chip[]): void {
    if (chips.length) this.#chips.set(conversationId, chips);
    else this.#chips.delete(conversationId);
    this.host.requestUpdate();
  }

  #patch(conversationId: string, key: string, patch: Partial<Chip>): void {
    const chips = this.of(conversationId);
    if (!chips.some((chip) => chip.key === key)) return; // removed meanwhile
    this.#set(
      conversationId,
      chips.map((chip) => (chip.key === key ? { ...chip, ...patch } : chip)),
    );
  }
}
