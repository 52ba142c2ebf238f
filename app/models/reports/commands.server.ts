import { and, eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { valueReports } from '#db/schema'
import { recordAudit, recordUpdate } from '~/models/audit/index.server'
import { type Actor } from '~/utils/permissions'
import { assertReferences } from '~/utils/references.server'

import { canEditValueReport, ReportForbiddenError } from './policy'
import { areReportableOutcomes } from './queries.server'
import { type ValueReportForm } from './schemas'

const now = () => new Date().toISOString()

/**
 * Keeps the communications lead's choices for a period: the introduction in the report's language
 * (the other language's is left as it was) and the verified outcomes told, in date order. Audited
 * (created, or the changed fields). Throws InvalidReferencesError for an outcome that is not a
 * verified outcome of the period.
 */
export function saveValueReport(tx: Tx, input: ValueReportForm, actor: Actor) {
  if (!canEditValueReport(actor)) throw new ReportForbiddenError()
  const outcomeIds = [...new Set(input.outcomeIds)]
  if (input.to < input.from || !areReportableOutcomes(input.from, input.to, outcomeIds))
    assertReferences({ outcomeIds: ['reports:errors.outcomes'] })
  const introColumn = input.lang === 'es' ? 'introEs' : 'introEn'
  const intro = input.intro.trim() ? input.intro : null
  const before = tx
    .select()
    .from(valueReports)
    .where(and(eq(valueReports.fromMonth, input.from), eq(valueReports.toMonth, input.to)))
    .get()
  const summary = `${input.from} – ${input.to}`
  if (!before) {
    const row = { fromMonth: input.from, toMonth: input.to, [introColumn]: intro, outcomeIds, updatedBy: actor.id }
    const id = tx.insert(valueReports).values(row).returning({ id: valueReports.id }).get().id
    recordAudit(tx, { userId: actor.id, entity: 'value_report', entityId: id, action: 'create', after: row, summary })
    return id
  }
  const patch = { [introColumn]: intro, outcomeIds }
  tx.update(valueReports)
    .set({ ...patch, updatedBy: actor.id, updatedAt: now() })
    .where(eq(valueReports.id, before.id))
    .run()
  recordUpdate(tx, { userId: actor.id, entity: 'value_report', entityId: before.id, summary }, before, patch)
  return before.id
}
