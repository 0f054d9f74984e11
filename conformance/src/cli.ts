import { parseArgs } from 'node:util';
import { formatReport, runRules, type RuleContext, type RuleResult } from './check.js';
import { ContractSchemas, defaultContractPath } from './contract.js';
import { Backend } from './http.js';
import { RULES } from './rules/index.js';

const USAGE = `Usage: inbox-conformance --base-url <API root> --token <bearer token> [options]

Checks a backend against the Inbox Elements contract and prints a pass/fail report per rule.
It writes to the backend: notes, and messages it undoes at once. Point it at a test space.

  --base-url <url>         The API root, e.g. http://localhost:8080/api
  --token <token>          A user who can change status, write notes and send
  --no-notes-token <t>     A user of the same space without the notes capability
  --space-id <id>          The space to use (default: the user's first)
  --allow-dispatch         Let one message be dispatched to a contact (checks undo after the window)
  --only <id,id>           Run only these rules (${RULES.map((r) => r.id).join(', ')})
  --contract <file>        The contract to check against (default: the one this kit ships with)
  --json                   Print the results as JSON`;

export interface ConformanceOptions {
  baseUrl: string;
  token: string;
  noNotesToken?: string | undefined;
  spaceId?: string | undefined;
  allowDispatch?: boolean;
  only?: string[] | undefined;
  contract?: string | undefined;
}

/** Runs the rules against a backend; what the CLI prints, as data. */
export async function checkBackend(options: ConformanceOptions): Promise<RuleResult[]> {
  const backend = new Backend(options.baseUrl, options.token);
  const me = await backend.call<{ spaces?: { id: string }[] }>('GET', '/me');
  if (me.status !== 200) throw new Error(`GET /me answered ${me.status}: check --base-url and --token`);
  const spaceId = options.spaceId ?? me.body.spaces?.[0]?.id;
  if (!spaceId) throw new Error('The user has no space: give a user who has the inbox');
  const list = await backend.call<{ items: RuleContext['conversations'] }>(
    'GET',
    `/conversations?spaceId=${encodeURIComponent(spaceId)}&limit=50`,
  );
  const ctx: RuleContext = {
    backend,
    noNotes: options.noNotesToken ? backend.withToken(options.noNotesToken) : undefined,
    contract: new ContractSchemas(options.contract ?? defaultContractPath()),
    spaceId,
    conversations: list.status === 200 ? list.body.items : [],
    allowDispatch: options.allowDispatch ?? false,
  };
  const rules = options.only ? RULES.filter((r) => options.only!.includes(r.id)) : RULES;
  return runRules(ctx, rules);
}

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        'no-notes-token': { type: 'string' },
        'space-id': { type: 'string' },
        'allow-dispatch': { type: 'boolean' },
        only: { type: 'string' },
        contract: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help || !values['base-url'] || !values.token) {
    (values.help ? console.log : console.error)(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    const results = await checkBackend({
      baseUrl: values['base-url'],
      token: values.token,
      noNotesToken: values['no-notes-token'],
      spaceId: values['space-id'],
      allowDispatch: values['allow-dispatch'] ?? false,
      only: values.only?.split(',').map((s) => s.trim()),
      contract: values.contract,
    });
    console.log(values.json ? JSON.stringify(results, null, 2) : formatReport(results));
    return results.some((r) => r.outcome === 'fail') ? 1 : 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
}
