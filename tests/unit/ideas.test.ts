import { and, count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, ideaColumns, ideas, ideaStatuses, ideaSupports, plannedActivities } from '#db/schema'
import {
  adoptIdea,
  closeIdea,
  commentOnIdea,
  createIdea,
  getIdea,
  ideaDetail,
  ideaForActivity,
  listIdeas,
  setIdeaMembership,
  setIdeaSupport,
  updateIdea,
  withdrawIdea,
} from '~/models/ideas/index.server'
import { canDecideIdea, canEditIdea, canSupportIdea } from '~/models/ideas/policy'
import { ideaColumnList, ideaFilterSchema, ideaStatusList } from '~/models/ideas/schemas'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'

/*
 * Issue 15 point 8: the co-creation board. Partners post proposals in two columns, others support
 * them once each, comment and join the working group; the communications lead adopts a proposal as
 * a work-plan activity or closes it with a reason; the author edits or withdraws it while open.
 */

const post = (title: string, as = demo.partner(), column: 'partner' | 'project' = 'partner') =>
  tx((t) => createIdea(t, { column, title, body: `${title}: szczegóły` }, as))
const audits = (id: number) =>
  db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'idea'), eq(auditLog.entityId, id)))
    .get()!.n
const page = { limit: 500, offset: 0 }

describe('co-creation board', () => {
  it('keeps the client lists equal to the schema', () => {
    expect([...ideaColumnList]).toEqual([...ideaColumns])
    expect([...ideaStatusList]).toEqual([...ideaStatuses])
  })

  it('posts a proposal under the author’s partner, in any language, and audits it', () => {
    const partner = demo.partner()
    const title = 'Warsztaty z mieszkańcami · Εργαστήρι · Dílna s občany · Atelier în cartier · Auzo tailerra'
    const id = post(title, partner)
    const idea = getIdea(id)!
    expect(idea).toMatchObject({ title, status: 'open', authorId: partner.id, partnerId: partner.partnerId })
    expect(audits(id)).toBe(1)
  })

  it('lets a viewer read only', () => {
    expect(() => post('Nope', demo.viewer())).toThrow(ForbiddenError)
    const id = post('Viewer cannot support this')
    expect(() => tx((t) => setIdeaSupport(t, id, true, demo.viewer()))).toThrow(ForbiddenError)
    expect(() => tx((t) => setIdeaMembership(t, id, true, demo.viewer()))).toThrow(ForbiddenError)
    expect(() => tx((t) => commentOnIdea(t, id, 'Hola', demo.viewer()))).toThrow(ForbiddenError)
  })

  it('counts one support per user, lets it be withdrawn, and refuses the author’s own', () => {
    const id = post('Support me once')
    const other = demo.partner2()
    expect(tx((t) => setIdeaSupport(t, id, true, other))).toBe(true)
    expect(tx((t) => setIdeaSupport(t, id, true, other))).toBe(false)
    expect(tx((t) => setIdeaSupport(t, id, true, demo.comms()))).toBe(true)
    const supports = () =>
      db.select({ n: count() }).from(ideaSupports).where(eq(ideaSupports.ideaId, id)).get()!.n
    expect(supports()).toBe(2)
    expect(ideaDetail(id, other.id, false)).toMatchObject({ supports: 2, supportedByMe: true })
    expect(tx((t) => setIdeaSupport(t, id, false, other))).toBe(true)
    expect(supports()).toBe(1)
    expect(() => tx((t) => setIdeaSupport(t, id, true, demo.partner()))).toThrow(ForbiddenError)
    expect(audits(id)).toBe(4) // create, support, support, withdrawn support
  })

  it('keeps a working group: the comms lead sees names, partners and e-mails, others the count and partners', () => {
    const id = post('Working group')
    tx((t) => setIdeaMembership(t, id, true, demo.partner()))
    tx((t) => setIdeaMembership(t, id, true, demo.partner2()))
    expect(tx((t) => setIdeaMembership(t, id, true, demo.partner2()))).toBe(false)
    const forPartner = ideaDetail(id, demo.partner().id, false)!
    expect(forPartner.group).toEqual({ count: 2, partners: ['Barcelona', 'San Sebastián'], people: null })
    expect(forPartner.involvedMe).toBe(true)
    const forComms = ideaDetail(id, demo.comms().id, true)!
    expect(forComms.group.people?.map((p) => p.email).sort()).toEqual([
      'partner2@demo.ripple',
      'partner@demo.ripple',
    ])
    tx((t) => setIdeaMembership(t, id, false, demo.partner()))
    expect(ideaDetail(id, demo.partner().id, false)!.group.count).toBe(1)
  })

  it('lets the author edit and withdraw while open, and nobody else', () => {
    const id = post('Draft idea')
    const edit = { column: 'project' as const, title: 'Idea ‑ poprawiona', body: 'Ενημερωμένο' }
    expect(() => tx((t) => updateIdea(t, id, edit, demo.partner2()))).toThrow(ForbiddenError)
    expect(() => tx((t) => updateIdea(t, id, edit, demo.comms()))).toThrow(ForbiddenError)
    tx((t) => updateIdea(t, id, edit, demo.partner()))
    expect(getIdea(id)).toMatchObject(edit)
    expect(() => tx((t) => withdrawIdea(t, id, demo.partner2()))).toThrow(ForbiddenError)
    tx((t) => withdrawIdea(t, id, demo.partner()))
    const idea = getIdea(id)!
    expect(idea.status).toBe('withdrawn')
    expect(canEditIdea(demo.partner(), idea)).toBe(false)
    expect(canSupportIdea(demo.partner2(), idea)).toBe(false)
    expect(() => tx((t) => updateIdea(t, id, edit, demo.partner()))).toThrow(ForbiddenError)
    expect(() => tx((t) => commentOnIdea(t, id, 'Too late', demo.partner2()))).toThrow(ForbiddenError)
  })

  it('closes an open proposal with its reason, by the communications lead only', () => {
    const id = post('To close')
    expect(() => tx((t) => closeIdea(t, id, 'No', demo.partner()))).toThrow(ForbiddenError)
    tx((t) => closeIdea(t, id, 'Ya está en el plan de comunicación.', demo.comms()))
    const idea = getIdea(id)!
    expect(idea).toMatchObject({ status: 'closed', closeReason: 'Ya está en el plan de comunicación.' })
    expect(canDecideIdea(demo.comms(), idea)).toBe(false)
    expect(() => tx((t) => closeIdea(t, id, 'Again', demo.comms()))).toThrow(ForbiddenError)
    expect(() => tx((t) => setIdeaSupport(t, id, true, demo.partner2()))).toThrow(ForbiddenError)
    // A closed proposal can still be discussed.
    expect(tx((t) => commentOnIdea(t, id, 'Rozumiem, dzięki.', demo.partner()))).toBeGreaterThan(0)
  })

  it('turns a proposal into a work-plan activity linked both ways', () => {
    const id = post('Spacer po Stoczni')
    const input = {
      title: 'Spacer badawczy — Gdańsk',
      dueDate: '2027-05-20',
      partnerId: demo.partner2().partnerId!,
    }
    expect(() => tx((t) => adoptIdea(t, id, input, demo.partner()))).toThrow(ForbiddenError)
    const activityId = tx((t) => adoptIdea(t, id, input, demo.comms()))!
    const activity = db.select().from(plannedActivities).where(eq(plannedActivities.id, activityId)).get()!
    expect(activity).toMatchObject({ title: input.title, dueDate: input.dueDate, partnerId: input.partnerId })
    expect(activity.description).toBe('Spacer po Stoczni: szczegóły')
    expect(getIdea(id)).toMatchObject({ status: 'adopted', activityId })
    expect(ideaForActivity(activityId)).toEqual({ id, title: 'Spacer po Stoczni' })
    expect(ideaDetail(id, demo.viewer().id, false)!.activity).toEqual({ id: activityId, title: input.title })
    expect(() => tx((t) => adoptIdea(t, id, input, demo.comms()))).toThrow(ForbiddenError)
    // Adopted proposals still gather a working group.
    expect(tx((t) => setIdeaMembership(t, id, true, demo.partner2()))).toBe(true)
  })

  it('filters the board by column, status and partner, and says what the reader supports', () => {
    const a = post('Columna proyecto', demo.partner2(), 'project')
    tx((t) => setIdeaSupport(t, a, true, demo.partner()))
    const filter = ideaFilterSchema.parse({
      column: 'project',
      status: 'open',
      partner: String(demo.partner2().partnerId),
    })
    const { rows, total } = listIdeas(filter, page, demo.partner().id)
    expect(total).toBe(rows.length)
    expect(
      rows.every((r) => r.column === 'project' && r.status === 'open' && r.partnerName === 'Barcelona'),
    ).toBe(true)
    expect(rows.find((r) => r.id === a)).toMatchObject({ supports: 1, supportedByMe: true })
    expect(ideaFilterSchema.parse({ column: 'nonsense', status: '<script>', partner: '-1' })).toEqual({})
    const all = db.select({ n: count() }).from(ideas).get()!.n
    expect(listIdeas({}, { limit: 2, offset: 0 }, null)).toMatchObject({ total: all })
  })
})
