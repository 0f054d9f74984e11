import { randomUUID } from 'node:crypto';
import type { Answer } from '../http.js';
import type { Check, Rule, RuleContext } from '../check.js';

interface Message {
  id: string;
  status: string;
  scheduledFor?: string | null;
}

/** Sends to the first conversation that takes free text; the answer, or undefined when none did. */
async function sendSomewhere(ctx: RuleContext, text: string): Promise<Answer<Message> | undefined> {
  for (const c of ctx.conversations.slice(0, 20)) {
    const sent = await ctx.backend.call<Message>('POST', `/conversations/${c.id}/messages`, {
      body: { text },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    if (sent.status < 300) return sent;
  }
  return undefined;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function afterDispatch(ctx: RuleContext, check: Check): Promise<void> {
  const sent = await sendSomewhere(ctx, 'Conformance check: this message goes out, then cannot be undone.');
  if (!check.expect(sent !== undefined, 'no conversation took a message')) return;
  const due = Date.parse(sent!.body.scheduledFor ?? '') || Date.now();
  await pause(Math.max(0, due - Date.now()) + 2_000);
  const late = await ctx.backend.call('POST', `/messages/${sent!.body.id}/cancel`);
  check.answer(late, 'cancelMessage', 409, 'POST /messages/{id}/cancel after the undo window');
}

/** A send waits out the undo window as `scheduled`; an undo inside it means it is never dispatched. */
export const undoWindow: Rule = {
  id: 'undo-window',
  title: 'A send is scheduled for the undo window; undo inside it cancels, after it 409',
  async run(ctx, check) {
    const sent = await sendSomewhere(ctx, 'Conformance check: this message is undone at once.');
    if (!sent) return check.skip('no conversation the user sees takes a free-text message');
    if (!check.answer(sent, 'sendMessage', 201, 'POST …/messages')) return;
    if (sent.body.status === 'queued') return check.skip('the undo window is 0: sends are queued at once');
    check.expect(sent.body.status === 'scheduled', `a new send is ${sent.body.status}, not scheduled`);
    check.expect(
      Date.parse(sent.body.scheduledFor ?? '') > Date.now() - 1_000,
      'a scheduled send has no `scheduledFor` in the future',
    );
    const path = `/messages/${sent.body.id}/cancel`;
    const undone = await ctx.backend.call<Message>('POST', path);
    if (check.answer(undone, 'cancelMessage', 200, 'POST /messages/{id}/cancel inside the window'))
      check.expect(
        undone.body.status === 'cancelled',
        `an undone send is ${undone.body.status}, not cancelled`,
      );
    const twice = await ctx.backend.call<Message>('POST', path);
    check.answer(twice, 'cancelMessage', 200, 'POST /messages/{id}/cancel again');
    if (ctx.allowDispatch) await afterDispatch(ctx, check);
  },
};
