/**
 * Accounts by e-mail: invitations (a link valid 7 days where the invited user sets a password)
 * and password resets (a link valid 30 minutes that also ends every session). Links are
 * single-use and stored only as their sha256; every step writes an audit row.
 */
export * from './invitations.server'
export { accountMail } from './messages.server'
export * from './policy'
export { requestPasswordReset, resetPasswordWithLink } from './reset.server'
export * from './schemas'
export { accountThrottleLimits } from './throttle.server'
export { checkToken, pendingInvitations, tokenLifetimeMs } from './tokens.server'
