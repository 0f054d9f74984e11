// How the CDN build cuts the code its per-tag entries share, as Rollup's `manualChunks`.
//
// - Code one tag alone reaches stays in that tag's file.
// - What the provider reaches, and what two or more tags reach, goes into one `shared` chunk: Lit,
//   the core store, the client, the English words.
// - Except a store part's own code (`store.use(messagingStores)`): it gets a chunk named after the
//   part, so a page showing only the list never downloads the timelines and the outbox that the
//   timeline and the composer share.
//
// A chunk per set of tags instead costs more than it saves: each file is compressed on its own, and
// the usual page (list, timeline, composer) would fetch a dozen small ones.

/**
 * @param {string[]} entries the tags' define modules
 * @param {string} provider the provider's define module, which every page loads
 * @param {Record<string, string>} parts chunk name → the module that builds a store part
 */
export function cdnChunks(entries, provider, parts) {
  /** @type {Map<string, string | undefined> | undefined} */
  let chunkOf;
  return (id, { getModuleInfo }) => {
    chunkOf ??= groups(entries, provider, parts, getModuleInfo);
    return chunkOf.get(id);
  };
}

function groups(entries, provider, parts, getModuleInfo) {
  const imports = (id) => getModuleInfo(id)?.importedIds ?? [];
  /** Every module `from` reaches through static imports, not going into another entry (or `around`). */
  const reach = (from, around = entries) => {
    const seen = new Set();
    const stack = [from];
    while (stack.length) {
      const id = stack.pop();
      if (seen.has(id) || (id !== from && around.includes(id))) continue;
      seen.add(id);
      stack.push(...imports(id));
    }
    return seen;
  };
  const tagsReaching = new Map();
  for (const entry of entries)
    for (const id of reach(entry)) if (id !== entry) tagsReaching.set(id, (tagsReaching.get(id) ?? 0) + 1);
  // A part's chunk holds what that part alone uses, and what tags import themselves only when each
  // of those tags builds the part too. A helper (`result.ts`) that two parts use, or that a tag
  // without the part imports, is as general as the provider's code.
  const partOf = new Map();
  for (const [name, module] of Object.entries(parts))
    for (const id of reach(module)) partOf.set(id, partOf.has(id) ? 'shared' : name);
  for (const id of reach(provider)) partOf.set(id, 'shared');
  const partModules = Object.values(parts);
  for (const entry of entries) {
    const all = reach(entry);
    const builds = new Set(Object.keys(parts).filter((name) => all.has(parts[name])));
    for (const id of reach(entry, [...entries, ...partModules]))
      if (partOf.has(id) && !builds.has(partOf.get(id))) partOf.set(id, 'shared');
  }
  const chunkOf = new Map();
  for (const [id, count] of tagsReaching) if (count >= 2) chunkOf.set(id, partOf.get(id) ?? 'shared');
  // Every page loads the provider: what it imports is shared even where no tag imports it too.
  for (const id of reach(provider)) if (id !== provider) chunkOf.set(id, 'shared');
  return chunkOf;
}
