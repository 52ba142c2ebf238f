import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { indicatorMappings } from '#db/schema'
import { recordAudit } from '~/models/audit/index.server'
import { type Actor } from '~/utils/permissions'
import { assertReferences } from '~/utils/references.server'

import { indicatorInputs } from '../lists'
import { assertCanEditPlan } from '../policy'
import { mappingReferenceErrors } from '../references.server'
import { type MappingForm } from '../schemas'

/**
 * Replaces one indicator's mappings (configuration rows), audited with before and after; throws
 * InvalidReferencesError for an action type that does not exist.
 */
export function saveMappings(tx: Tx, input: MappingForm, actor: Actor) {
  assertCanEditPlan(actor)
  assertReferences(mappingReferenceErrors(tx, input))
  const before = tx
    .select()
    .from(indicatorMappings)
    .where(eq(indicatorMappings.indicator, input.indicator))
    .all()
  const inputs = indicatorInputs[input.indicator]
  tx.delete(indicatorMappings).where(eq(indicatorMappings.indicator, input.indicator)).run()
  const kinds = inputs.eventKinds ? [...new Set(input.eventKinds)] : []
  const types = inputs.actionTypes ? [...new Set(input.typeIds)] : []
  for (const eventKind of kinds)
    tx.insert(indicatorMappings).values({ indicator: input.indicator, eventKind }).run()
  for (const typeId of types)
    tx.insert(indicatorMappings).values({ indicator: input.indicator, typeId }).run()
  recordAudit(tx, {
    userId: actor.id,
    entity: 'indicator_mapping',
    entityId: null,
    action: 'update',
    before: {
      indicator: input.indicator,
      eventKinds: before.filter((b) => b.eventKind).map((b) => b.eventKind),
      typeIds: before.filter((b) => b.typeId).map((b) => b.typeId),
    },
    after: { indicator: input.indicator, eventKinds: kinds, typeIds: types },
    summary: `${input.indicator} mappings`,
  })
}
