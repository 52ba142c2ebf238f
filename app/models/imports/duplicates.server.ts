import type { Decision, DedupeKey, DuplicateMatch, ImportAdapter, ImportOptions } from './pipeline.server'

/** Keys already met in the file: the first written row that carried each. */
export type Seen = Map<string, { line: number; label: string }>

/** The earlier row of the file this one repeats, or null. */
function fileDuplicate(
  keys: DedupeKey[],
  seen: Seen,
  row: { line: number; label: string },
  options: ImportOptions,
): DuplicateMatch | null {
  for (const key of keys) {
    const earlier = seen.get(`${key.match}:${key.value}`)
    if (earlier)
      return {
        ...row,
        match: key.match,
        value: key.value,
        existingId: null,
        existingLabel: earlier.label,
        firstLine: earlier.line,
        choices: ['skip', 'create'],
        decision: key.weak ? 'create' : (options.fileDecision ?? 'skip'),
        ...(key.weak ? { weak: true } : {}),
      }
  }
  return null
}

/** The record of the register this row matches, or null. */
function registerDuplicate<C>(
  adapter: ImportAdapter<C>,
  keys: DedupeKey[],
  row: { line: number; label: string },
  options: ImportOptions,
): DuplicateMatch | null {
  for (const key of keys) {
    const existing = adapter.findExisting(key)
    if (existing) {
      const choices: Decision[] = adapter.update ? ['skip', 'update', 'create'] : ['skip', 'create']
      const fallback =
        options.defaultDecision && choices.includes(options.defaultDecision)
          ? options.defaultDecision
          : 'skip'
      return {
        ...row,
        match: key.match,
        value: key.value,
        existingId: existing.id,
        existingLabel: existing.label,
        firstLine: null,
        choices,
        decision: key.weak ? 'create' : fallback,
        ...(key.weak ? { weak: true } : {}),
      }
    }
  }
  return null
}

/** Keys that rows of several owners (differently named organisations) carry in this file. */
export function sharedInFile(keysOf: (DedupeKey[] | null)[]): Set<string> {
  const owners = new Map<string, Set<string>>()
  for (const keys of keysOf)
    for (const key of keys ?? []) {
      if (key.owner === undefined) continue
      const id = `${key.match}:${key.value}`
      const set = owners.get(id) ?? new Set<string>()
      set.add(key.owner)
      owners.set(id, set)
    }
  return new Set([...owners].filter(([, set]) => set.size > 1).map(([id]) => id))
}

/** The duplicate a row is: strong keys first (the file, then the register), then weak ones. */
export function duplicateOf<C>(
  adapter: ImportAdapter<C>,
  keys: DedupeKey[],
  seen: Seen,
  at: { line: number; label: string },
  options: ImportOptions,
) {
  const strong = keys.filter((k) => !k.weak)
  const weak = keys.filter((k) => k.weak)
  return (
    fileDuplicate(strong, seen, at, options) ??
    registerDuplicate(adapter, strong, at, options) ??
    fileDuplicate(weak, seen, at, options) ??
    registerDuplicate(adapter, weak, at, options)
  )
}
