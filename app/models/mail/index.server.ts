/** Outgoing mail: the queue, its delivery (SMTP or the outbox), unsubscribe links and settings. */
export { isNotificationKind, notificationKinds } from './kinds'
export { absoluteUrl, appUrl, unsubscribeUrl, verifyUnsubscribe } from './links.server'
export { queueMonthlyReach, queueValidationSummary } from './messages/leads.server'
export {
  mailActionReturned,
  queueEventsWithoutPlan,
  queueOverdueActivities,
  queueReminders,
} from './messages/partners.server'
export { listOutbox, readOutboxMessage } from './outbox.server'
export { canChangeOwnAccount, canReadOutbox } from './policy'
export { notificationSettings, setNotificationSettings, unsubscribe } from './preferences.server'
export { deliverQueued, enqueueMail, flushMail, kickDelivery, sendMail } from './queue.server'
export type { MailKind, NotificationKind, OutgoingMail } from './types'
