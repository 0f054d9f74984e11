/**
 * Wraps `fn` so that a call with the same arguments as the previous one (compared with ===) returns
 * the previous result without running it: a re-render that did not change the items does no work
 * proportional to them, and the virtualizer keeps receiving the very same array.
 */
export function lastResult<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A): R => {
    if (last && last.args.length === args.length && last.args.every((arg, i) => arg === args[i]))
      return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}
