import { loadContract, type Contract } from './openapi.js';
import { createValidator, type Validate } from './validate.js';

/**
 * The contract this server serves and its validators, read and compiled once per process: every
 * server a process starts serves the same file, and parsing it and compiling its validators cost
 * 0.2–0.7 s of CPU each time (a test process may start dozens of servers). Both are only read after.
 */
let served: { contract: Contract; validate: Validate } | undefined;

export function servedContract(): { contract: Contract; validate: Validate } {
  if (!served) {
    const contract = loadContract();
    served = { contract, validate: createValidator(contract) };
  }
  return served;
}
