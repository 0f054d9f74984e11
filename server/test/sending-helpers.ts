import { randomUUID } from 'node:crypto';
import type { RunningServer, ServerOptions } from '../app.js';
import { createSimulator, type Simulator } from '../channels/simulator.js';
import {
  api,
  startServer,
  waitFor,
  type ApiResponse,
  type MessageItem,
  type Reachable,
  type Store,
} from './helpers.js';
import type { components } from '../../src/api/schema.js';

export type TimelinePage = components['schemas']['TimelinePage'];
export type Attachment = components['schemas']['Attachment'];
export type Channel = components['schemas']['Channel'];

export interface SendingServer {
  server: RunningServer;
  sim: Simulator;
}

/** A server whose simulator answers fast and whose dispatcher polls often; the simulator is ours to read. */
export async function startSendingServer(store: Store, extra: ServerOptions = {}): Promise<SendingServer> {
  const sim = createSimulator({ stepMs: 25 });
  const server = await startServer(store, { channels: sim, dispatchPollMs: 40, ...extra });
  return { server, sim };
}

export async function setUndoWindow(server: RunningServer, seconds: number): Promise<void> {
  await server.services.db.query('update tenants set undo_window_seconds = $1::int', [seconds]);
}

export const newKey = (): string => `k-${randomUUID()}`;

/** The n-th conversation (by id) on a channel that a team works on. */
export async function conversationOf(
  server: RunningServer,
  channel: Channel,
  teamId: string,
  n = 0,
): Promise<string> {
  const rows = await server.services.db.query<{ id: string }>(
    `select c.id from conversations c
     where c.channel = $1 and c.space_id = 'sp_retail'
       and exists (select 1 from conversation_teams t where t.conversation_id = c.id and t.team_id = $2)
     order by c.id limit 1 offset $3::int`,
    [channel, teamId, n],
  );
  if (!rows[0]) throw new Error(`no ${channel} conversation #${n} for ${teamId}`);
  return rows[0].id;
}

export function send(
  server: Reachable,
  token: string,
  conversationId: string,
  body: { text: string; attachmentIds?: string[] },
  key: string = newKey(),
): Promise<ApiResponse<MessageItem>> {
  return api<MessageItem>(server, `/api/conversations/${conversationId}/messages`, {
    token,
    method: 'POST',
    headers: { 'idempotency-key': key },
    body,
  });
}

/** A message as GET timeline shows it now. */
export async function itemNow(
  server: Reachable,
  token: string,
  conversationId: string,
  itemId: string,
): Promise<MessageItem | undefined> {
  const page = await api<TimelinePage>(server, `/api/conversations/${conversationId}/timeline?limit=200`, {
    token,
  });
  return page.body.items.find((i): i is MessageItem => i.id === itemId && i.kind === 'message');
}

export function waitForStatus(
  server: Reachable,
  token: string,
  conversationId: string,
  itemId: string,
  status: MessageItem['status'],
  timeoutMs = 10_000,
): Promise<MessageItem> {
  return waitFor(
    async () => {
      const item = await itemNow(server, token, conversationId, itemId);
      return item?.status === status ? item : undefined;
    },
    `${itemId} to be ${status}`,
    timeoutMs,
  );
}

/** How many times the simulator was handed this message. */
export const dispatchCount = (sim: Simulator, itemId: string): number =>
  sim.dispatched.filter((m) => m.itemId === itemId).length;

export async function upload(
  server: RunningServer,
  token: string,
  channel: string,
  file: { bytes: Uint8Array; name: string; type?: string } | null,
): Promise<ApiResponse<Attachment & { detail?: string; type?: string }>> {
  const form = new FormData();
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? '' }), file.name);
  else form.append('note', 'no file here');
  const res = await fetch(new URL(`/api/attachments?channel=${channel}`, server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as Attachment };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
