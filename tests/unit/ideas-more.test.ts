import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, ideaMembers, ideas } from '#db/schema'
import {
  adoptIdea,
  closeIdea,
  commentOnIdea,
  createIdea,
  getIdea,
  ideaDetail,
  ideaForActivity,
  ideaPartnerOptions,
  listIdeas,
  setIdeaMembership,
  setIdeaSupport,
  updateIdea,
  withdrawIdea,
} from '~/models/ideas/index.server'
import {
  adoptFormSchema,
  closeFormSchema,
  commentFormSchema,
  ideaFilterSchema,
  ideaFormSchema,
} from '~/models/ideas/schemas'

import { demo } from '../setup/actors'
import { lastAudit as lastAuditOf } from '../setup/audit'
import { tx } from '../setup/db'

/*
 * The co-creation board in detail (mutation testing, issue 18): each command's audit row (entity,
 * action, before and after), the commands on a proposal that does not exist, blank reasons and
 * comments, the board's order and counts, and the form schemas' messages.
 */

const post = (title: string, as = demo.partner(), column: 'partner' | 'project' = 'partner', body?: string) =>
  tx((t) => createIdea(t, { column, title, body }, as))
const lastAudit = (id: number) => lastAuditOf('idea', id)
const missing = 999_999

describe('audit rows', () => {
  it('create: the row as written; update: only what changed, and the time of the change', () => {
    const partner = demo.partner()
    const id = post('Mapa ciche miejsca', partner, 'project')
    expect(lastAudit(id)).toMatchObject({
      userId: partner.id,
      action: 'create',
      summary: 'Mapa ciche miejsca',
      after: {
        column: 'project',
        title: 'Mapa ciche miejsca',
        body: null,
        authorId: partner.id,
        partnerId: partner.partnerId,
      },
    })
    db.update(ideas).set({ updatedAt: '2000-01-01T00:00:00.000Z' }).where(eq(ideas.id, id)).run()
    expect(
      tx((t) =>
        updateIdea(t, id, { column: 'project', title: 'Mapa cichych miejsc', body: 'Ήσυχα σημεία' }, partner),
      ),
    ).toBe(true)
    expect(lastAudit(id)).toMatchObject({
      action: 'update',
      summary: 'Mapa cichych miejsc',
      before: { title: 'Mapa ciche miejsca', body: null },
      after: { title: 'Mapa cichych miejsc', body: 'Ήσυχα σημεία' },
    })
    expect(getIdea(id)!.updatedAt > '2000-01-01T00:00:00.000Z').toBe(true)
    // Clearing the text stores null, not an empty string.
    tx((t) => updateIdea(t, id, { column: 'partner', title: 'Mapa cichych miejsc' }, partner))
    expect(getIdea(id)).toMatchObject({ column: 'partner', body: null })
  })

  it('withdraw, close and adopt: the status before and after, the reason trimmed, the activity linked', () => {
    const comms = demo.comms()
    const a = post('Withdraw me')
    db.update(ideas).set({ updatedAt: '2000-01-01T00:00:00.000Z' }).where(eq(ideas.id, a)).run()
    expect(tx((t) => withdrawIdea(t, a, demo.partner()))).toBe(true)
    expect(lastAudit(a)).toMatchObject({
      action: 'status',
      summary: 'Withdraw me',
      before: { status: 'open' },
      after: { status: 'withdrawn' },
    })
    expect(getIdea(a)!.updatedAt > '2000-01-01T00:00:00.000Z').toBe(true)

    const b = post('Close me')
    expect(tx((t) => closeIdea(t, b, '  Duplicado de otra propuesta.  ', comms))).toBe(true)
    expect(getIdea(b)!.closeReason).toBe('Duplicado de otra propuesta.')
    expect(lastAudit(b)).toMatchObject({
      userId: comms.id,
      action: 'status',
      before: { status: 'open' },
      after: { status: 'closed', closeReason: 'Duplicado de otra propuesta.' },
    })

    const c = post('Adopt me', demo.partner(), 'project', undefined)
    const activityId = tx((t) => adoptIdea(t, c, { title: 'Adoptada', dueDate: '2027-06-01' }, comms))!
    expect(lastAudit(c)).toMatchObject({
      action: 'status',
      before: { status: 'open' },
      after: { status: 'adopted', activityId },
    })
    expect(ideaDetail(c, comms.id, true)!.activity).toEqual({ id: activityId, title: 'Adoptada' })
  })

  it('a blank reason or comment is refused and nothing is written', () => {
    const id = post('Blank things')
    expect(() => tx((t) => closeIdea(t, id, '   ', demo.comms()))).toThrow('a reason is required')
    expect(() => tx((t) => commentOnIdea(t, id, ' \n ', demo.partner2()))).toThrow('a comment needs text')
    expect(getIdea(id)!.status).toBe('open')
    expect(lastAudit(id).action).toBe('create')
  })

  it('support, involvement and comments: what changed, and no row when nothing did', () => {
    const id = post('Rows for each change')
    const other = demo.partner2()
    tx((t) => setIdeaSupport(t, id, true, other))
    expect(lastAudit(id)).toMatchObject({
      action: 'update',
      userId: other.id,
      summary: 'Rows for each change',
      after: { support: true },
    })
    tx((t) => setIdeaMembership(t, id, true, other))
    expect(lastAudit(id).after).toEqual({ involved: true })
    tx((t) => setIdeaMembership(t, id, false, other))
    expect(lastAudit(id).after).toEqual({ involved: false })
    const count = () =>
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'idea'), eq(auditLog.entityId, id)))
        .all().length
    const n = count()
    expect(tx((t) => setIdeaMembership(t, id, false, other))).toBe(false)
    expect(tx((t) => setIdeaSupport(t, id, false, demo.comms()))).toBe(false)
    expect(count()).toBe(n)
    const commentId = tx((t) => commentOnIdea(t, id, '  Zgadzam się — Bai, ados.  ', other))!
    expect(lastAudit(id).after).toEqual({ comment: 'Zgadzam się — Bai, ados.' })
    expect(ideaDetail(id, other.id, false)!.comments).toEqual([
      expect.objectContaining({ id: commentId, body: 'Zgadzam się — Bai, ados.', partnerName: 'Barcelona' }),
    ])
  })

  it('every command on a proposal that does not exist answers "none" and writes nothing', () => {
    const as = demo.comms()
    const count = db.select().from(auditLog).all().length
    expect(tx((t) => updateIdea(t, missing, { column: 'partner', title: 'x' }, as))).toBe(false)
    expect(tx((t) => withdrawIdea(t, missing, as))).toBe(false)
    expect(tx((t) => closeIdea(t, missing, 'x', as))).toBe(false)
    expect(tx((t) => adoptIdea(t, missing, { title: 'x', dueDate: '2027-01-01' }, as))).toBeNull()
    expect(tx((t) => setIdeaSupport(t, missing, true, as))).toBe(false)
    expect(tx((t) => setIdeaMembership(t, missing, true, as))).toBe(false)
    expect(tx((t) => commentOnIdea(t, missing, 'x', as))).toBeNull()
    expect(db.select().from(auditLog).all()).toHaveLength(count)
    expect(getIdea(0)).toBeUndefined()
    expect(getIdea(-3)).toBeUndefined()
    expect(getIdea(1.5)).toBeUndefined()
    expect(ideaDetail(missing, as.id, true)).toBeNull()
    expect(ideaForActivity(missing)).toBeNull()
  })
})

describe('the board', () => {
  it('open proposals first, then the most supported, then the newest; counts of supports, comments and members', () => {
    const filter = ideaFilterSchema.parse({ column: 'project' })
    const low = post('Orden: sin apoyos', demo.partner(), 'project')
    const high = post('Orden: dos apoyos', demo.partner(), 'project')
    const closed = post('Orden: cerrada con apoyos', demo.partner(), 'project')
    for (const id of [high, closed]) {
      tx((t) => setIdeaSupport(t, id, true, demo.partner2()))
      tx((t) => setIdeaSupport(t, id, true, demo.comms()))
    }
    tx((t) => closeIdea(t, closed, 'Cerrada', demo.comms()))
    tx((t) => commentOnIdea(t, high, 'Uno', demo.partner2()))
    tx((t) => commentOnIdea(t, high, 'Dos', demo.comms()))
    tx((t) => setIdeaMembership(t, high, true, demo.partner2()))
    const newer = post('Orden: la más nueva', demo.partner(), 'project')
    const { rows, total } = listIdeas(filter, { limit: 500, offset: 0 }, demo.partner2().id)
    expect(total).toBe(rows.length)
    const order = rows.map((r) => r.id).filter((id) => [low, high, closed, newer].includes(id))
    expect(order).toEqual([high, newer, low, closed])
    expect(rows.find((r) => r.id === high)).toMatchObject({
      supports: 2,
      comments: 2,
      members: 1,
      supportedByMe: true,
      authorName: expect.any(String),
      partnerName: 'San Sebastián',
    })
    expect(rows.find((r) => r.id === low)).toMatchObject({
      supports: 0,
      comments: 0,
      members: 0,
      supportedByMe: false,
    })
    expect(rows.find((r) => r.id === closed)).toMatchObject({ status: 'closed', closeReason: 'Cerrada' })
    // Paging: the same order, one page at a time; nobody signed in supports nothing.
    const second = listIdeas(filter, { limit: 1, offset: 1 }, null)
    expect(second.rows).toHaveLength(1)
    expect(second.rows[0]!.id).toBe(rows[1]!.id)
    expect(second.total).toBe(total)
    expect(listIdeas(filter, { limit: 500, offset: 0 }, null).rows.every((r) => !r.supportedByMe)).toBe(true)
    expect(
      listIdeas({ status: 'closed' }, { limit: 500, offset: 0 }, null).rows.every(
        (r) => r.status === 'closed',
      ),
    ).toBe(true)
  })

  it('the detail: author and partner, the group sorted and without duplicates, e-mails only with contacts', () => {
    const id = post('Detalle del grupo', demo.partner2())
    // Joined in this order; the times are set apart (rows written in one second tie).
    ;[demo.partner2(), demo.partner(), demo.comms()].forEach((who, i) => {
      tx((t) => setIdeaMembership(t, id, true, who))
      db.update(ideaMembers)
        .set({ createdAt: `2026-01-0${3 - i}T10:00:00.000Z` })
        .where(and(eq(ideaMembers.ideaId, id), eq(ideaMembers.userId, who.id)))
        .run()
    })
    const detail = ideaDetail(id, demo.viewer().id, false)!
    expect(detail).toMatchObject({
      authorPartner: 'Barcelona',
      supports: 0,
      supportedByMe: false,
      involvedMe: false,
      activity: null,
    })
    expect(detail.authorName).not.toBe('')
    expect(detail.group).toEqual({ count: 3, partners: ['Barcelona', 'San Sebastián'], people: null })
    const people = ideaDetail(id, demo.comms().id, true)!.group.people!
    expect(people.map((p) => p.email)).toEqual([
      'comms@demo.ripple',
      'partner@demo.ripple',
      'partner2@demo.ripple',
    ])
    expect(Object.keys(people[0]!).sort()).toEqual(['email', 'name', 'partnerName'])
  })

  it('the partner filter offers each partner that posted, once, by name', () => {
    post('Opciones 1', demo.partner())
    post('Opciones 2', demo.partner())
    post('Opciones 3', demo.partner2())
    const options = ideaPartnerOptions()
    const labels = options.map((o) => o.label)
    expect(labels).toEqual([...labels].sort())
    expect(new Set(labels).size).toBe(labels.length)
    expect(options).toContainEqual({ value: demo.partner().partnerId, label: 'San Sebastián' })
    expect(options).toContainEqual({ value: demo.partner2().partnerId, label: 'Barcelona' })
  })
})

describe('form schemas', () => {
  const issues = (r: {
    success: boolean
    error?: { issues: { path: (string | number)[]; message: string }[] }
  }) => Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

  it('a proposal needs a column and a title; the text is optional and trimmed', () => {
    expect(issues(ideaFormSchema.safeParse({}))).toEqual({
      column: 'common:errors.required',
      title: 'common:errors.required',
    })
    expect(issues(ideaFormSchema.safeParse({ column: 'other', title: ' ' }))).toEqual({
      column: expect.stringContaining('Invalid enum value'),
      title: 'common:errors.required',
    })
    expect(issues(ideaFormSchema.safeParse({ column: 1, title: 'x'.repeat(201) }))).toEqual({
      column: 'common:errors.choose',
      title: 'common:errors.tooLong',
    })
    expect(ideaFormSchema.parse({ column: 'partner', title: ' Pomysł ', body: '' })).toEqual({
      column: 'partner',
      title: 'Pomysł',
    })
    expect(ideaFormSchema.parse({ column: 'project', title: 'x'.repeat(200), body: 'Ιδέα' }).body).toBe(
      'Ιδέα',
    )
    expect(
      issues(ideaFormSchema.safeParse({ column: 'project', title: 'x', body: 'y'.repeat(4001) })),
    ).toEqual({
      body: 'common:errors.tooLong',
    })
  })

  it('a comment and a closing reason need text, within their length', () => {
    expect(issues(commentFormSchema.safeParse({ intent: 'comment' }))).toEqual({
      body: 'common:errors.required',
    })
    expect(issues(commentFormSchema.safeParse({ intent: 'comment', body: '  ' }))).toEqual({
      body: 'common:errors.required',
    })
    expect(issues(commentFormSchema.safeParse({ intent: 'comment', body: 'x'.repeat(2001) }))).toEqual({
      body: 'common:errors.tooLong',
    })
    expect(commentFormSchema.parse({ intent: 'comment', body: ` ${'x'.repeat(2000)} ` }).body).toHaveLength(
      2000,
    )
    expect(issues(closeFormSchema.safeParse({ intent: 'close' }))).toEqual({
      reason: 'ideas:errors.reasonRequired',
    })
    expect(issues(closeFormSchema.safeParse({ intent: 'close', reason: ' ' }))).toEqual({
      reason: 'ideas:errors.reasonRequired',
    })
    expect(issues(closeFormSchema.safeParse({ intent: 'close', reason: 'x'.repeat(1001) }))).toEqual({
      reason: 'common:errors.tooLong',
    })
    expect(closeFormSchema.parse({ intent: 'close', reason: ' Ya no ' }).reason).toBe('Ya no')
  })

  it('adopting needs a title and a real date; the partner is optional', () => {
    expect(
      adoptFormSchema.parse({ intent: 'adopt', title: ' Akcja ', dueDate: '2027-02-28', partnerId: '' }),
    ).toEqual({
      intent: 'adopt',
      title: 'Akcja',
      dueDate: '2027-02-28',
    })
    expect(
      issues(adoptFormSchema.safeParse({ intent: 'adopt', title: 'x'.repeat(301), dueDate: '2027-02-30' })),
    ).toEqual({
      title: 'common:errors.tooLong',
      dueDate: 'common:errors.date',
    })
    expect(
      adoptFormSchema.parse({ intent: 'adopt', title: 'x'.repeat(300), dueDate: '2027-03-01' }).title,
    ).toHaveLength(300)
  })

  it('filters: known values kept, anything else dropped', () => {
    expect(ideaFilterSchema.parse({ column: 'project', status: 'adopted', partner: '3' })).toEqual({
      column: 'project',
      status: 'adopted',
      partner: 3,
    })
    expect(ideaFilterSchema.parse({ column: '', status: '', partner: '' })).toEqual({})
  })
})

describe('what each refusal says, and what stays allowed after a proposal is decided', () => {
  it('names the refused step', () => {
    const id = post('Refusals named')
    const partner2 = demo.partner2()
    const input = { column: 'partner' as const, title: 'x' }
    expect(() => tx((t) => updateIdea(t, id, input, partner2))).toThrow('may not edit this proposal')
    expect(() => tx((t) => withdrawIdea(t, id, partner2))).toThrow('may not withdraw this proposal')
    expect(() => tx((t) => closeIdea(t, id, 'r', partner2))).toThrow('may not close this proposal')
    expect(() => tx((t) => adoptIdea(t, id, { title: 'x', dueDate: '2027-01-01' }, partner2))).toThrow(
      'may not adopt this proposal',
    )
    expect(() => tx((t) => setIdeaSupport(t, id, true, demo.partner()))).toThrow(
      'may not support this proposal',
    )
    tx((t) => withdrawIdea(t, id, demo.partner()))
    expect(() => tx((t) => setIdeaMembership(t, id, true, partner2))).toThrow('may not join this proposal')
    expect(() => tx((t) => commentOnIdea(t, id, 'c', partner2))).toThrow('may not comment on this proposal')
  })

  it('support is withdrawn and the group left after the proposal was closed or withdrawn', () => {
    const id = post('Leave after closing')
    const partner2 = demo.partner2()
    tx((t) => setIdeaSupport(t, id, true, partner2))
    tx((t) => setIdeaMembership(t, id, true, partner2))
    tx((t) => closeIdea(t, id, 'Cerrada', demo.comms()))
    expect(tx((t) => setIdeaSupport(t, id, false, partner2))).toBe(true)
    expect(tx((t) => setIdeaMembership(t, id, false, partner2))).toBe(true)
    expect(ideaDetail(id, partner2.id, false)).toMatchObject({
      supports: 0,
      involvedMe: false,
      group: { count: 0 },
    })
  })

  it('the first proposal is found by its id; a reader signed out supports nothing even where user 1 does', () => {
    expect(getIdea(1)).toMatchObject({ id: 1 })
    const admin = demo.admin()
    expect(admin.id).toBe(1)
    const id = post('Supported by user 1')
    tx((t) => setIdeaSupport(t, id, true, admin))
    expect(
      listIdeas({}, { limit: 1000, offset: 0 }, admin.id).rows.find((r) => r.id === id)?.supportedByMe,
    ).toBe(true)
    expect(listIdeas({}, { limit: 1000, offset: 0 }, null).rows.find((r) => r.id === id)?.supportedByMe).toBe(
      false,
    )
  })
})

describe('the detail for a reader who is not in it', () => {
  it('supported by others but not by the reader; a member without a partner adds no partner', () => {
    const id = post('Detail for a bystander', demo.partner2())
    tx((t) => setIdeaSupport(t, id, true, demo.partner()))
    tx((t) => setIdeaMembership(t, id, true, demo.admin()))
    tx((t) => setIdeaMembership(t, id, true, demo.partner()))
    const detail = ideaDetail(id, demo.viewer().id, false)!
    expect(detail).toMatchObject({ supports: 1, supportedByMe: false, involvedMe: false })
    expect(detail.group).toEqual({ count: 2, partners: ['San Sebastián'], people: null })
  })
})
