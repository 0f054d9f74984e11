import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { InboxClient } from '../api/client.js';
import { InboxApiError } from '../api/errors.js';
import { unwrap } from '../api/middleware.js';
import type { Attachment, ChannelCapabilities } from '../api/types.js';
import { checkAttachment, type ChannelProblem } from './channel-rules.js';

/** A file attached in a composer: uploading, uploaded and ready to go with the message, or refused. */
export interface Upload {
  /** Stable while the upload lives (a list key). */
  key: string;
  name: string;
  size: number;
  state: 'uploading' | 'ready' | 'failed';
  /** The server's attachment id once uploaded. */
  id?: string;
  error?: InboxApiError;
}

export interface UploadsStore {
  /** The files attached for one conversation, the same store for the same conversation. */
  $uploads(conversationId: string): ReadableAtom<Upload[]>;
  /**
   * Checks each file against the channel and uploads those that pass; returns the refused ones
   * with why (the i18n layer words it). Uploads continue if the composer goes away.
   */
  add(
    conversationId: string,
    files: readonly File[],
    channel: ChannelCapabilities,
  ): { name: string; problem: ChannelProblem }[];
  remove(conversationId: string, key: string): void;
  /** The attachment ids ready to go with a message. */
  readyIds(conversationId: string): string[];
  /** A send took them. */
  clear(conversationId: string): void;
  /** Shows the attachments of an undone or refused send again, before anything attached since. */
  restore(conversationId: string, attachmentIds: readonly string[]): void;
  /** Another space: nothing attached here belongs there. */
  reset(): void;
}

let uploadCount = 0;

export function createUploadsStore(client: InboxClient): UploadsStore {
  const atoms = new Map<string, WritableAtom<Upload[]>>();
  // What each uploaded id was, to show it again after an undo.
  const uploaded = new Map<string, Attachment>();

  const $of = (conversationId: string): WritableAtom<Upload[]> => {
    let $list = atoms.get(conversationId);
    if (!$list) atoms.set(conversationId, ($list = atom<Upload[]>([])));
    return $list;
  };
  const patch = (conversationId: string, key: string, change: Partial<Upload>): void => {
    const $list = $of(conversationId);
    // Removed meanwhile: the upload's end changes nothing.
    if ($list.get().some((u) => u.key === key))
      $list.set($list.get().map((u) => (u.key === key ? { ...u, ...change } : u)));
  };

  async function upload(file: File, channel: ChannelCapabilities): Promise<Attachment> {
    const form = new FormData();
    form.append('file', file, file.name);
    return unwrap(
      client.api.POST('/attachments', {
        params: { query: { channel: channel.channel } },
        // The contract types the binary part as a string; the FormData carries the real bytes
        // (openapi-fetch leaves Content-Type to the browser, with the multipart boundary).
        body: { file: file.name },
        bodySerializer: () => form,
      }),
    );
  }

  return {
    $uploads: $of,
    add(conversationId, files, channel) {
      const refused: { name: string; problem: ChannelProblem }[] = [];
      for (const file of files) {
        const problem = checkAttachment(file, channel);
        if (problem) {
          refused.push({ name: file.name, problem });
          continue;
        }
        const key = `upload-${++uploadCount}`;
        const $list = $of(conversationId);
        $list.set([...$list.get(), { key, name: file.name, size: file.size, state: 'uploading' }]);
        upload(file, channel).then(
          (attachment) => {
            uploaded.set(attachment.id, attachment);
            patch(conversationId, key, { state: 'ready', id: attachment.id });
          },
          (thrown: unknown) =>
            patch(conversationId, key, { state: 'failed', error: InboxApiError.from(thrown) }),
        );
      }
      return refused;
    },
    remove(conversationId, key) {
      const $list = $of(conversationId);
      $list.set($list.get().filter((u) => u.key !== key));
    },
    readyIds(conversationId) {
      return $of(conversationId)
        .get()
        .flatMap((u) => (u.state === 'ready' && u.id ? [u.id] : []));
    },
    clear(conversationId) {
      $of(conversationId).set([]);
    },
    restore(conversationId, attachmentIds) {
      if (attachmentIds.length === 0) return;
      const $list = $of(conversationId);
      const current = $list.get();
      const back = attachmentIds
        .filter((id) => !current.some((u) => u.id === id))
        .map((id): Upload => {
          const known = uploaded.get(id);
          return {
            key: `upload-${++uploadCount}`,
            id,
            name: known?.name ?? id,
            size: known?.size ?? 0,
            state: 'ready',
          };
        });
      $list.set([...back, ...current]);
    },
    reset() {
      for (const $list of atoms.values()) $list.set([]);
      uploaded.clear();
    },
  };
}
