/** What an If-Match header asks for: any current version (`*`) or one of some versions. */
export type IfMatch = { any: true } | { any: false; versions: number[] };

export function ifMatchAccepts(ifMatch: IfMatch, version: number): boolean {
  return ifMatch.any || ifMatch.versions.includes(version);
}

/** How the versions a request was based on read in a sentence: `*` or `3, 4`. */
export const describeIfMatch = (m: IfMatch): string => (m.any ? '*' : m.versions.join(', '));
