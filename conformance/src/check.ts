import type { ContractSchemas } from './contract.js';
import type { Answer, Backend } from './http.js';

/** What the kit knows before the rules run: the backend, its first space and some conversations. */
export interface RuleContext {
  backend: Backend;
  /** A user of the same space without the notes capability, when one was given. */
  noNotes: Backend | undefined;
  contract: ContractSchemas;
  spaceId: string;
  /** Conversations the user sees, newest first (the list's first page). */
  conversations: { id: string; status: string; version: number; contact: { id: string } }[];
  /** Whether the kit may let a message be dispatched to a contact (off against real customers). */
  allowDispatch: boolean;
}

/** A conversation as the rules read it back. */
export interface Versioned {
  id: string;
  status: string;
  version: number;
}

export interface Rule {
  id: string;
  title: string;
  run(ctx: RuleContext, check: Check): Promise<void>;
}

export interface RuleResult {
  id: string;
  title: string;
  outcome: 'pass' | 'fail' | 'skip';
  /** Why it failed, or why it was skipped. */
  notes: string[];
}

/** Collects a rule's failures; a rule goes on after one, so the report names them all. */
export class Check {
  readonly failures: string[] = [];
  skipped: string | undefined;

  constructor(private readonly contract: ContractSchemas) {}

  expect(ok: boolean, failure: string): boolean {
    if (!ok) this.failures.push(failure);
    return ok;
  }

  skip(reason: string): void {
    this.skipped = reason;
  }

  /**
   * The answer has one of the expected statuses and matches the contract's schema for it; an error
   * is problem+json with the HTTP status and a readable `detail`.
   */
  answer(answer: Answer, operationId: string, expected: number | number[], what: string): boolean {
    const statuses = Array.isArray(expected) ? expected : [expected];
    if (!statuses.includes(answer.status)) {
      const detail = problemDetail(answer);
      return this.expect(
        false,
        `${what} answered ${answer.status}, expected ${statuses.join(' or ')}${detail ? ` ("${detail}")` : ''}`,
      );
    }
    const before = this.failures.length;
    if (answer.status >= 400) this.problem(answer, what);
    const errors = this.contract.check(operationId, answer.status, answer.contentType, answer.body);
    this.expect(
      errors.length === 0,
      `${what}: the answer does not match the contract: ${errors.slice(0, 3).join('; ')}`,
    );
    return this.failures.length === before;
  }

  /** An error answer is application/problem+json with its own status and a `detail` a person can read. */
  problem(answer: Answer, what: string): boolean {
    const body = answer.body as { status?: unknown; detail?: unknown } | string;
    const before = this.failures.length;
    this.expect(
      answer.contentType.startsWith('application/problem+json'),
      `${what} answered ${answer.status} as ${answer.contentType || 'no content type'}, not application/problem+json`,
    );
    if (typeof body === 'object' && body !== null) {
      this.expect(
        body.status === answer.status,
        `${what}: the problem's status is ${String(body.status)}, not ${answer.status}`,
      );
      this.expect(
        typeof body.detail === 'string' && body.detail.trim().length > 0,
        `${what}: the problem has no detail a person can read`,
      );
    } else {
      this.expect(false, `${what}: the error body is not a JSON problem`);
    }
    return this.failures.length === before;
  }
}

export function problemDetail(answer: Answer): string | undefined {
  const body = answer.body as { detail?: unknown } | null;
  return body && typeof body === 'object' && typeof body.detail === 'string' ? body.detail : undefined;
}

export async function runRules(ctx: RuleContext, rules: readonly Rule[]): Promise<RuleResult[]> {
  const results: RuleResult[] = [];
  for (const rule of rules) {
    const check = new Check(ctx.contract);
    try {
      await rule.run(ctx, check);
    } catch (error) {
      check.failures.push(`stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
    const outcome = check.failures.length > 0 ? 'fail' : check.skipped ? 'skip' : 'pass';
    const notes = outcome === 'skip' ? [check.skipped!] : check.failures;
    results.push({ id: rule.id, title: rule.title, outcome, notes });
  }
  return results;
}

export function formatReport(results: readonly RuleResult[]): string {
  const mark = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;
  const lines = results.flatMap((r) => [
    `${mark[r.outcome]}  ${r.id.padEnd(18)} ${r.title}`,
    ...r.notes.map((note) => `      ${r.outcome === 'skip' ? 'skipped: ' : '✗ '}${note}`),
  ]);
  const count = (o: RuleResult['outcome']) => results.filter((r) => r.outcome === o).length;
  lines.push('', `${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`);
  return lines.join('\n');
}
