import type { Rule } from '../check.js';
import { auth } from './auth.js';
import { eventsResume } from './events.js';
import { idempotency } from './idempotency.js';
import { noteVisibility } from './notes.js';
import { preconditions } from './preconditions.js';
import { problems } from './problems.js';
import { schemas } from './schemas.js';
import { statusMachine } from './status-machine.js';
import { undoWindow } from './undo.js';

/** Every rule, in the order the report lists them. */
export const RULES: readonly Rule[] = [
  schemas,
  problems,
  auth,
  preconditions,
  idempotency,
  undoWindow,
  statusMachine,
  noteVisibility,
  eventsResume,
];
