import { type MailKind, type NotificationKind, notificationKinds } from '#db/schema/mail'

export { notificationKinds }

export function isNotificationKind(kind: string): kind is NotificationKind {
  return (notificationKinds as readonly string[]).includes(kind)
}

export function isNotification(kind: MailKind): kind is NotificationKind {
  return isNotificationKind(kind)
}
