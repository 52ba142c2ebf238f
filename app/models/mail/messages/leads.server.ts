import { and, eq, isNull, sql } from 'drizzle-orm'

import { db } from '#db/client'
import { actions } from '#db/schema'
import { serverT } from '~/i18n/resources.server'
import { monthlyReach } from '~/models/dashboards/index.server'

import { isCommsLead, isReader } from '../policy'
import { enqueueMail, kickDeliverySoon } from '../queue.server'
import { activeUsers, composeNotification } from './compose.server'

/** The communications lead, weekly, when actions wait for validation (nothing when none wait). */
export function queueValidationSummary(week: string): number {
  const waiting = db
    .select({ n: sql<number>`count(*)`, oldest: sql<string | null>`min(${actions.submittedAt})` })
    .from(actions)
    .where(and(eq(actions.status, 'submitted'), isNull(actions.archivedAt)))
    .get()!
  if (!waiting.n) return 0
  let queued = 0
  for (const user of activeUsers().filter(isCommsLead)) {
    const t = serverT(user.locale)
    const mail = composeNotification(user, 'validation-summary', {
      subject: t('mail:validation.subject', { count: waiting.n }),
      paragraphs: [
        t('mail:validation.body', { count: waiting.n }),
        ...(waiting.oldest ? [t('mail:validation.oldest', { date: waiting.oldest.slice(0, 10) })] : []),
      ],
      link: { path: '/actions/review', label: t('mail:validation.link') },
      dedupeKey: week,
    })
    if (enqueueMail(db, mail) != null) queued++
  }
  if (queued) kickDeliverySoon()
  return queued
}

/** On the 1st: the previous month's headline reach figures to the viewers and the comms lead. */
export function queueMonthlyReach(month: string): number {
  const { headline } = monthlyReach({ month })
  let queued = 0
  for (const user of activeUsers().filter((u) => isReader(u) || isCommsLead(u))) {
    const t = serverT(user.locale)
    const number = new Intl.NumberFormat(user.locale === 'es' ? 'es-ES' : 'en-GB')
    const mail = composeNotification(user, 'monthly-reach', {
      subject: t('mail:reach.subject', { month }),
      paragraphs: [t('mail:reach.body', { month })],
      items: headline.map(
        (h) =>
          `${t(`dashboard:figures.${h.key}`)}: ${number.format(h.value)} (${t('mail:reach.previous', { value: number.format(h.previous) })})`,
      ),
      link: { path: `/dashboard/reach?month=${month}`, label: t('mail:reach.link') },
      dedupeKey: month,
    })
    if (enqueueMail(db, mail) != null) queued++
  }
  if (queued) kickDeliverySoon()
  return queued
}
