import type { Actor } from '~/utils/permissions'

/**
 * Who writes a record. A person acting through the interface is an `Actor`: the command checks
 * their rights itself. A user id (or null) is a trusted writer that was authorised before it
 * called (the seed, an import job its route allowed, a test): the id is only credited in the
 * audit log.
 */
export type Author = Actor | number | null

/** The person acting, whose rights the command checks; null for a trusted writer. */
export const personOf = (author: Author): Actor | null =>
  typeof author === 'object' && author !== null ? author : null

/** The user id the audit log credits. */
export const authorId = (author: Author): number | null =>
  typeof author === 'object' && author !== null ? author.id : author
