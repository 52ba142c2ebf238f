import { type Actor, can } from '~/utils/permissions'

/** The outbox (messages written to files when no mail server is configured): administrators only. */
export function canReadOutbox(actor: Actor | null | undefined) {
  return can(actor, 'admin:manage')
}

/** A user's own settings (language, password, notifications): only that user changes them. */
export function canChangeOwnAccount(actor: Actor | null | undefined, userId: number) {
  return !!actor && actor.id === userId
}
