import { and, desc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  auditLog,
  events,
  materials,
  type MaterialStatus,
  materialStatuses,
  plannedActivities,
} from '#db/schema'
import { createEvent, eventFormSchema, updateEvent } from '~/models/events/index.server'
import {
  createMaterial,
  getMaterial,
  languageMatrix,
  listMaterials,
  materialFilterSchema,
  materialFormSchema,
  MaterialStatusError,
  pendingMaterialCount,
  reviewMaterial,
  updateMaterial,
} from '~/models/materials/index.server'
import { canMoveMaterial, materialTransitions } from '~/models/materials/policy'
import { materialStatusList } from '~/models/materials/schemas'
import { createActivity, updateActivity } from '~/models/plan/index.server'
import { activityFormSchema } from '~/models/plan/schemas'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'

/*
 * Issue 14, point 5: partners author what the seeds give them. The organising partner writes its
 * event's communication plan and work plan; partners upload materials that wait for the
 * communications lead's approval. Expectations are written out here, not read from the code.
 */

const noFilter = materialFilterSchema.parse({})
const material = (title: string, language = 'eu') =>
  materialFormSchema.parse({ title, kind: 'presentation', language, url: 'https://example.eu/deck' })
const statusOf = (id: number) => db.select().from(materials).where(eq(materials.id, id)).get()!.status
const setStatus = (id: number, status: MaterialStatus) =>
  db.update(materials).set({ status }).where(eq(materials.id, id)).run()

describe('material review statuses, from × to', () => {
  it('the schema and the form list the same statuses', () => {
    expect([...materialStatusList]).toEqual([...materialStatuses])
  })

  // Which status can follow which: written out in full.
  const expected: Record<MaterialStatus, Record<MaterialStatus, boolean>> = {
    pending: { pending: false, approved: true, returned: true },
    approved: { pending: false, approved: false, returned: false },
    returned: { pending: true, approved: false, returned: false },
  }
  const pairs = materialStatuses.flatMap((from) => materialStatuses.map((to) => ({ from, to })))

  it.each(pairs)('$from → $to', ({ from, to }) => {
    expect(canMoveMaterial(from, to)).toBe(expected[from][to])
    expect(materialTransitions[from].includes(to)).toBe(expected[from][to])
  })

  // The commands that move a material: approve, send back (comms), change and send again (partner).
  const move = (id: number, to: MaterialStatus) => {
    if (to === 'approved') return tx((t) => reviewMaterial(t, id, 'approve', demo.comms()))
    if (to === 'returned') return tx((t) => reviewMaterial(t, id, 'return', demo.comms()))
    return tx((t) => updateMaterial(t, id, material(`Aurkezpena ${Math.random()}`), null, demo.partner()))
  }
  it.each(pairs)('the commands: $from → $to', ({ from, to }) => {
    const id = tx((t) => createMaterial(t, material('Proiektuaren aurkezpena'), null, demo.partner()))
    setStatus(id, from)
    if (expected[from][to]) {
      move(id, to)
      expect(statusOf(id)).toBe(to)
    } else if (to === 'pending' && from === 'pending') {
      // Changing a waiting upload keeps it waiting: no step.
      move(id, to)
      expect(statusOf(id)).toBe('pending')
    } else {
      // Approving or sending back what does not wait is a status error; a partner cannot touch an approved one.
      expect(() => move(id, to)).toThrow(to === 'pending' ? ForbiddenError : MaterialStatusError)
      expect(statusOf(id)).toBe(from)
    }
  })
})

describe('a partner’s upload waits for the communications lead', () => {
  let id: number
  beforeAll(() => {
    id = tx((t) =>
      createMaterial(t, material('Prezentacja projektu — Gdańsk, źdźbło', 'pl'), null, demo.partner()),
    )
  })

  it('is kept as pending, with its partner and uploader', () => {
    const row = db.select().from(materials).where(eq(materials.id, id)).get()!
    expect(row).toMatchObject({
      status: 'pending',
      partnerId: demo.partner().partnerId,
      uploadedBy: demo.partner().id,
    })
  })

  it('is seen by its partner and the reviewers only', () => {
    const sees = (who: keyof typeof demo) =>
      listMaterials(noFilter, demo[who]()).some((m) => m.id === id) && !!getMaterial(id, demo[who]())
    expect(sees('partner')).toBe(true)
    expect(sees('comms')).toBe(true)
    expect(sees('admin')).toBe(true)
    expect(sees('partner2')).toBe(false)
    expect(sees('viewer')).toBe(false)
    expect(getMaterial(id, demo.partner2())).toBeNull()
    const pending = listMaterials(materialFilterSchema.parse({ status: 'pending' }), demo.comms())
    expect(pending.map((m) => m.id)).toContain(id)
    expect(pending.every((m) => m.status === 'pending')).toBe(true)
  })

  it('is counted for the communications lead, not for partners, and is not in the language matrix', () => {
    expect(pendingMaterialCount(demo.comms())).toBeGreaterThanOrEqual(1)
    expect(pendingMaterialCount(demo.partner())).toBe(0)
    const pl = languageMatrix(['pl'])
      .find((r) => r.kind === 'presentation')
      ?.cells.find((c) => c.language === 'pl')
    expect(pl?.count ?? 0).toBe(0)
  })

  it('is listed for everyone once approved, and the approval is audited', () => {
    tx((t) => reviewMaterial(t, id, 'approve', demo.comms()))
    expect(listMaterials(noFilter, demo.partner2()).some((m) => m.id === id)).toBe(true)
    expect(listMaterials(noFilter, demo.viewer()).some((m) => m.id === id)).toBe(true)
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'material'), eq(auditLog.entityId, id), eq(auditLog.action, 'status')))
      .orderBy(desc(auditLog.id))
      .get()!
    expect(audit).toMatchObject({
      userId: demo.comms().id,
      before: { status: 'pending' },
      after: { status: 'approved' },
      summary: 'Prezentacja projektu — Gdańsk, źdźbło',
    })
    expect(() => tx((t) => reviewMaterial(t, id, 'approve', demo.comms()))).toThrow(MaterialStatusError)
  })

  it('the communications lead’s own material is approved at once', () => {
    const own = tx((t) => createMaterial(t, material('Παρουσίαση του έργου', 'el'), null, demo.comms()))
    expect(statusOf(own)).toBe('approved')
  })
})

describe('the partner that organises an event writes its plan and work plan', () => {
  const sanSebastian = () => demo.partner().partnerId!
  const barcelona = () => demo.partner2().partnerId!
  const event = (fields: Record<string, string | undefined> = {}) =>
    eventFormSchema.parse({
      kind: 'policy_clinic',
      title: 'Policy clinic: Donostia',
      startDate: '2026-10-05',
      place: 'Donostia / San Sebastián',
      ...fields,
    })

  it('a partner’s new event is hosted by its own partner', () => {
    const id = tx((t) => createEvent(t, event(), demo.partner()))
    expect(db.select().from(events).where(eq(events.id, id)).get()!.hostPartnerId).toBe(sanSebastian())
  })

  it('choosing another host is refused and writes nothing', () => {
    const before = db.select().from(events).all().length
    expect(() =>
      tx((t) => createEvent(t, event({ hostPartnerId: String(barcelona()) }), demo.partner())),
    ).toThrow(ForbiddenError)
    expect(db.select().from(events).all().length).toBe(before)
  })

  it('the host edits its event’s plan; another partner cannot', () => {
    const id = tx((t) => createEvent(t, event(), demo.partner()))
    const plan = event({
      planMessages:
        'Mezua: hiriak elkarrekin — Miasta w dialogu, Πόλεις σε διάλογο, Orașe în dialog, Města v dialogu',
      planNotes: 'Before: invite; during: live posts; after: the report.',
    })
    tx((t) => updateEvent(t, id, plan, demo.partner()))
    expect(db.select().from(events).where(eq(events.id, id)).get()!.planMessages).toContain(
      'Πόλεις σε διάλογο',
    )
    expect(() => tx((t) => updateEvent(t, id, plan, demo.partner2()))).toThrow(ForbiddenError)
    expect(() =>
      tx((t) => updateEvent(t, id, event({ hostPartnerId: String(barcelona()) }), demo.partner())),
    ).toThrow(ForbiddenError)
    expect(db.select().from(events).where(eq(events.id, id)).get()!.hostPartnerId).toBe(sanSebastian())
  })

  it('the host plans before/during/after activities for its event, not for another’s', () => {
    const own = tx((t) => createEvent(t, event(), demo.partner()))
    const other = tx((t) => createEvent(t, event({ hostPartnerId: String(barcelona()) }), demo.comms()))
    const activity = (eventId: number, phase: string) =>
      activityFormSchema.parse({
        title: 'Zuzeneko argitalpenak',
        dueDate: '2026-10-05',
        eventId: String(eventId),
        phase,
      })
    const id = tx((t) => createActivity(t, activity(own, 'during'), demo.partner()))
    expect(db.select().from(plannedActivities).where(eq(plannedActivities.id, id)).get()).toMatchObject({
      eventId: own,
      phase: 'during',
    })
    tx((t) => updateActivity(t, id, activity(own, 'after'), demo.partner()))
    expect(() => tx((t) => createActivity(t, activity(other, 'before'), demo.partner()))).toThrow(
      ForbiddenError,
    )
    expect(() => tx((t) => updateActivity(t, id, activity(other, 'after'), demo.partner()))).toThrow(
      ForbiddenError,
    )
  })
})
