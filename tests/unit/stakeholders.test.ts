import { and, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db, sqlite } from '#db/client'
import {
  actions,
  actionStakeholders,
  auditLog,
  contacts,
  criteria,
  partners,
  scores,
  stakeholderPriority,
  stakeholders,
  stakeholderThemes,
  themes,
} from '#db/schema'
import { contactAccessExport, createContact, eraseContact, ERASED_NAME } from '~/models/contacts/index.server'
import { scoreStakeholder } from '~/models/priorities/index.server'
import { findDuplicateGroups, MergeError, mergeStakeholders } from '~/models/stakeholders/index.server'
import {
  archiveStakeholder,
  canEditStakeholder,
  createStakeholder,
  listStakeholders,
  parseStakeholderFilter,
  restoreStakeholder,
  stakeholderInputSchema,
  stakeholderTimeline,
  stakeholderWhere,
  updateStakeholder,
} from '~/models/stakeholders/index.server'

import { demo } from '../setup/actors'
import { categoryId } from '../setup/records'

const comms = demo.comms
const partnerId = (name: string) => db.select().from(partners).where(eq(partners.name, name)).get()!.id
const list = (query: string, limit = 500) =>
  listStakeholders(parseStakeholderFilter(new URLSearchParams(query)), { limit, offset: 0 })
const names = (query: string) => list(query).rows.map((r) => r.name)
const input = (over: Partial<Parameters<typeof createStakeholder>[1]> = {}) =>
  stakeholderInputSchema.parse({ name: 'Test organisation', categoryId: categoryId('ngo'), ...over })
const create = (over: Partial<Parameters<typeof createStakeholder>[1]> = {}) =>
  db.transaction((tx) => createStakeholder(tx, input(over), comms()))
const row = (id: number) => db.select().from(stakeholders).where(eq(stakeholders.id, id)).get()!

describe('search', () => {
  it('ignores case and accents: "universite de lyon" finds "Université de Lyon"', () => {
    expect(names('q=universite de lyon')).toContain('Université de Lyon')
    expect(names('q=UNIVERSITÉ DE LYON')).toContain('Université de Lyon')
    expect(names('q=universite de lyon')).not.toContain('Universidad de Deusto')
  })

  it('matches acronym, city and web domain, and words in any order', () => {
    expect(names('q=tau')).toContain('Tampere University')
    expect(names('q=tuni.fi')).toContain('Tampere University')
    expect(names('q=gdansk')).toEqual(expect.arrayContaining(['Politechnika Gdańska', 'Uniwersytet Gdański']))
    expect(names('q=lyon universite')).toContain('Université de Lyon')
    // A two-letter word goes through LIKE, not the trigram index.
    expect(names('q=ub')).toContain('Universitat de Barcelona')
  })

  it('treats quotes and LIKE wildcards in the query as plain text', () => {
    expect(list('q=%22').total).toBe(0)
    expect(list('q=%25%25').total).toBe(0)
    expect(list('q=a_b').total).toBe(0)
  })

  it('keeps the search index in step with every write', () => {
    const id = create({ name: 'Związek Testowy', city: 'Łódź', website: 'https://www.zwiazek-test.pl' })
    expect(names('q=zwiazek testowy lodz')).toContain('Związek Testowy')
    expect(names('q=zwiazek-test.pl')).toContain('Związek Testowy')
    db.transaction((tx) =>
      updateStakeholder(
        tx,
        id,
        { name: 'Związek Przemianowany', website: 'https://nowy.example.pl' },
        comms(),
      ),
    )
    expect(names('q=zwiazek testowy')).not.toContain('Związek Testowy')
    expect(names('q=przemianowany')).toContain('Związek Przemianowany')
    expect(names('q=nowy.example')).toContain('Związek Przemianowany')
    expect(row(id)).toMatchObject({ nameKey: 'zwiazek przemianowany', webDomain: 'nowy.example.pl' })
  })
})

describe('filters, sort and paging', () => {
  it('filters by category, country, stage, owner, scale and theme exactly as SQL counts them', () => {
    const uni = categoryId('university')
    const result = list(`category=${uni}&country=es`)
    expect(result.total).toBeGreaterThan(3)
    expect(result.rows.every((r) => r.categoryId === uni && r.country === 'ES')).toBe(true)
    const direct = sqlite()
      .prepare(
        'select count(*) n from stakeholders where category_id = ? and country = ? and archived_at is null',
      )
      .get(uni, 'ES') as { n: number }
    expect(result.total).toBe(direct.n)

    const owner = partnerId('Barcelona')
    expect(list(`owner=${owner}`).rows.every((r) => r.ownerPartnerId === owner)).toBe(true)
    expect(list('stage=dormant').rows.every((r) => r.stage === 'dormant')).toBe(true)
    expect(list('scale=local').rows.every((r) => r.scale === 'local')).toBe(true)
    expect(list('owner=none').rows.every((r) => r.ownerPartnerId === null)).toBe(true)

    const theme = db.select().from(themes).get()!
    const withTheme = new Set(
      db
        .select()
        .from(stakeholderThemes)
        .where(eq(stakeholderThemes.themeId, theme.id))
        .all()
        .map((r) => r.stakeholderId),
    )
    const themed = list(`theme=${theme.id}`, 1000)
    expect(themed.total).toBeGreaterThan(0)
    expect(themed.rows.every((r) => withTheme.has(r.id))).toBe(true)
  })

  it('filters by tier through stakeholder_priority and sorts by score', () => {
    const tierA = list('tier=A&sort=score', 1000)
    const inA = db.select().from(stakeholderPriority).where(eq(stakeholderPriority.tier, 'A')).all()
    expect(tierA.total).toBe(inA.filter((p) => !row(p.stakeholderId).archivedAt).length)
    expect(tierA.rows.every((r) => r.tier === 'A')).toBe(true)
    const scoresInOrder = tierA.rows.map((r) => r.score!)
    expect(scoresInOrder).toEqual([...scoresInOrder].sort((a, b) => b - a))
    expect(list('tier=none', 1000).rows.every((r) => r.tier === null)).toBe(true)
  })

  it('ignores unreadable parameters instead of failing', () => {
    const filter = parseStakeholderFilter(
      new URLSearchParams('category=abc&stage=nope&tier=Z&sort=evil&country=Spain&q='),
    )
    expect(filter).toEqual({
      category: undefined,
      country: undefined,
      stage: undefined,
      owner: undefined,
      theme: undefined,
      tier: undefined,
      scale: undefined,
      archived: undefined,
      sort: undefined,
      q: undefined,
    })
    // Unreadable parameters select what no parameter selects: every live stakeholder.
    const ids = (where: ReturnType<typeof stakeholderWhere>) =>
      db
        .select({ id: stakeholders.id })
        .from(stakeholders)
        .where(where)
        .orderBy(stakeholders.id)
        .all()
        .map((r) => r.id)
    const live = ids(isNull(stakeholders.archivedAt))
    expect(live.length).toBeGreaterThan(100)
    expect(ids(stakeholderWhere(filter))).toEqual(live)
    expect(ids(stakeholderWhere(parseStakeholderFilter(new URLSearchParams(''))))).toEqual(live)
  })

  it('sorts by name by default and pages without overlap', () => {
    const first = list('', 20).rows
    const second = listStakeholders(parseStakeholderFilter(new URLSearchParams('')), {
      limit: 20,
      offset: 20,
    }).rows
    const keys = [...first, ...second].map((r) =>
      r.name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase(),
    )
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(new Set([...first, ...second].map((r) => r.id)).size).toBe(40)
  })

  it('hides archived stakeholders unless asked, and audits archive and restore', () => {
    const id = create({ name: 'Archivable Association' })
    db.transaction((tx) => archiveStakeholder(tx, id, comms()))
    expect(names('q=archivable')).not.toContain('Archivable Association')
    expect(names('q=archivable&archived=1')).toContain('Archivable Association')
    expect(names('q=archivable&archived=only')).toEqual(['Archivable Association'])
    db.transaction((tx) => restoreStakeholder(tx, id, comms()))
    expect(names('q=archivable')).toContain('Archivable Association')
    const trail = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'stakeholder'), eq(auditLog.entityId, id)))
      .all()
      .map((a) => a.action)
    expect(trail).toEqual(['create', 'archive', 'restore'])
  })
})

describe('edits and permissions', () => {
  it('audits only the changed fields, and a partial update keeps the rest', () => {
    const id = create({ name: 'Partial Org', city: 'Porto', acronym: 'PO', themeIds: [] })
    const changed = db.transaction((tx) => updateStakeholder(tx, id, { stage: 'engaged' }, comms()))
    expect(changed).toBe(true)
    expect(row(id)).toMatchObject({ city: 'Porto', acronym: 'PO', stage: 'engaged' })
    const last = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'stakeholder'), eq(auditLog.entityId, id)))
      .all()
      .at(-1)!
    expect(last.before).toEqual({ stage: 'identified' })
    expect(last.after).toEqual({ stage: 'engaged' })
    expect(db.transaction((tx) => updateStakeholder(tx, id, { stage: 'engaged' }, comms()))).toBe(false)
  })

  it('canEditStakeholder follows role, ownership and the project policy', () => {
    const own = { ownerPartnerId: 1 }
    const other = { ownerPartnerId: 2 }
    const partner = { role: 'partner' as const, partnerId: 1 }
    expect(canEditStakeholder(partner, own, 'owner')).toBe(true)
    expect(canEditStakeholder(partner, other, 'owner')).toBe(false)
    expect(canEditStakeholder(partner, { ownerPartnerId: null }, 'owner')).toBe(false)
    expect(canEditStakeholder(partner, other, 'any_partner')).toBe(true)
    expect(canEditStakeholder(partner, own, 'none')).toBe(false)
    expect(canEditStakeholder({ role: 'comms', partnerId: 1 }, other, 'none')).toBe(true)
    expect(canEditStakeholder({ role: 'admin', partnerId: null }, other, 'none')).toBe(true)
    expect(canEditStakeholder({ role: 'viewer', partnerId: null }, own, 'any_partner')).toBe(false)
  })
})

describe('duplicates and merge', () => {
  it('finds the seeded duplicates by name, web domain and contact e-mail', () => {
    const found = findDuplicateGroups()
    const byReason = (reason: string) => found.groups.filter((g) => g.reason === reason)
    expect(byReason('name').some((g) => g.key === 'universidad de deusto')).toBe(true)
    expect(byReason('domain').some((g) => g.key === 'eurocities.eu')).toBe(true)
    expect(byReason('email').some((g) => g.key === 'itziar.larranaga@deusto.es')).toBe(true)
    // urbact.eu hosts many networks: a shared host is not a duplicate.
    expect(byReason('domain').some((g) => g.key === 'urbact.eu')).toBe(false)
    expect(found.total).toBe(found.totals.name + found.totals.domain + found.totals.email)
  })

  it('merges two records choosing per field, moving contacts, actions, scores and themes', () => {
    const themeIds = db
      .select()
      .from(themes)
      .all()
      .map((t) => t.id)
    const survivor = create({
      name: 'Merge Survivor',
      city: 'Bologna',
      themeIds: [themeIds[0]],
      languages: ['it'],
    })
    const loser = create({
      name: 'Merge Loser',
      city: 'Bologna BO',
      acronym: 'ML',
      website: 'https://loser.example',
      themeIds: [themeIds[0], themeIds[1]],
      languages: ['en'],
    })
    const contactId = db.transaction((tx) =>
      createContact(
        tx,
        loser,
        {
          name: 'Chiara Conti',
          email: 'chiara@loser.example',
          languages: ['it'],
          lawfulBasis: 'consent',
          doNotContact: false,
        },
        comms(),
      ),
    )
    // One action reached both (a primary-key collision to avoid), one only the loser.
    const both = db.select().from(actions).get()!.id
    const onlyLoser = db.select().from(actions).orderBy(actions.id).limit(1).offset(1).get()!.id
    db.insert(actionStakeholders)
      .values([
        { actionId: both, stakeholderId: survivor },
        { actionId: both, stakeholderId: loser },
        { actionId: onlyLoser, stakeholderId: loser },
      ])
      .run()
    const [c1, c2] = db.select().from(criteria).where(isNull(criteria.archivedAt)).limit(2).all()
    db.transaction((tx) => scoreStakeholder(tx, survivor, [{ criterionId: c1.id, value: 5 }], comms()))
    db.transaction((tx) =>
      scoreStakeholder(
        tx,
        loser,
        [
          { criterionId: c1.id, value: 1 },
          { criterionId: c2.id, value: 4 },
        ],
        comms(),
      ),
    )

    const moved = db.transaction((tx) =>
      mergeStakeholders(
        tx,
        {
          survivorId: survivor,
          loserId: loser,
          picks: { acronym: 'loser', website: 'loser', city: 'survivor' },
        },
        comms(),
      ),
    )
    expect(moved).toEqual({ contacts: 1, actions: 2, scores: 2 })

    expect(row(survivor)).toMatchObject({
      name: 'Merge Survivor',
      acronym: 'ML',
      city: 'Bologna',
      website: 'https://loser.example',
      webDomain: 'loser.example',
    })
    expect(row(survivor).languages.sort()).toEqual(['en', 'it'])
    expect(row(loser)).toMatchObject({ mergedIntoId: survivor })
    expect(row(loser).archivedAt).not.toBeNull()
    expect(db.select().from(contacts).where(eq(contacts.id, contactId)).get()!.stakeholderId).toBe(survivor)
    const reached = db
      .select()
      .from(actionStakeholders)
      .where(eq(actionStakeholders.stakeholderId, survivor))
      .all()
      .map((r) => r.actionId)
      .sort()
    expect(reached).toEqual([both, onlyLoser].sort())
    // The moved links carry the survivor's category, for the dashboards' per-category figures.
    const survivorCategory = db.select().from(stakeholders).where(eq(stakeholders.id, survivor)).get()!
      .categoryId
    expect(
      db
        .select()
        .from(actionStakeholders)
        .where(eq(actionStakeholders.stakeholderId, survivor))
        .all()
        .map((r) => r.categoryId),
    ).toEqual([survivorCategory, survivorCategory])
    expect(
      db.select().from(actionStakeholders).where(eq(actionStakeholders.stakeholderId, loser)).all(),
    ).toHaveLength(0)
    const themesNow = db
      .select()
      .from(stakeholderThemes)
      .where(eq(stakeholderThemes.stakeholderId, survivor))
      .all()
      .map((r) => r.themeId)
      .sort()
    expect(themesNow).toEqual([themeIds[0], themeIds[1]].sort())
    // The survivor's own current score stays current; the loser's moves over as history or as new current.
    const current = db
      .select()
      .from(scores)
      .where(and(eq(scores.stakeholderId, survivor), isNull(scores.supersededAt)))
      .all()
    expect(current.map((s) => [s.criterionId, s.value]).sort()).toEqual(
      [
        [c1.id, 5],
        [c2.id, 4],
      ].sort(),
    )
    expect(
      db.select().from(stakeholderPriority).where(eq(stakeholderPriority.stakeholderId, loser)).get(),
    ).toBeUndefined()
    expect(
      db.select().from(stakeholderPriority).where(eq(stakeholderPriority.stakeholderId, survivor)).get(),
    ).toBeDefined()

    const merges = db.select().from(auditLog).where(eq(auditLog.action, 'merge')).all()
    expect(merges.map((m) => m.entityId).sort()).toEqual([survivor, loser].sort())
    expect(stakeholderTimeline(survivor).some((i) => i.kind === 'audit' && i.action === 'merge')).toBe(true)
    expect(stakeholderTimeline(survivor).filter((i) => i.kind === 'score').length).toBeGreaterThanOrEqual(3)

    expect(() =>
      db.transaction((tx) =>
        mergeStakeholders(tx, { survivorId: survivor, loserId: loser, picks: {} }, comms()),
      ),
    ).toThrow(MergeError)
    expect(() =>
      db.transaction((tx) =>
        mergeStakeholders(tx, { survivorId: survivor, loserId: survivor, picks: {} }, comms()),
      ),
    ).toThrow(MergeError)
  })
})

describe('contacts and the GDPR', () => {
  it('exports everything held on a contact, then erases the personal data but keeps the row and history', () => {
    const stakeholderId = create({ name: 'GDPR Org' })
    const id = db.transaction((tx) =>
      createContact(
        tx,
        stakeholderId,
        {
          name: 'Zofia Kowalska',
          position: 'Press Officer',
          email: 'Zofia.K@example.org',
          phone: '+48 600 100 200',
          languages: ['pl'],
          lawfulBasis: 'consent',
          basisObtainedAt: '2025-05-01',
          basisSource: 'Webinar sign-up',
          doNotContact: false,
          notes: 'Prefers mornings',
        },
        comms(),
      ),
    )
    expect(db.select().from(contacts).where(eq(contacts.id, id)).get()!.emailKey).toBe('zofia.k@example.org')
    const exported = contactAccessExport(id)!
    expect(exported.contact).toMatchObject({
      name: 'Zofia Kowalska',
      email: 'Zofia.K@example.org',
      lawfulBasis: 'consent',
      basisSource: 'Webinar sign-up',
    })
    expect(exported.organisation).toEqual({ id: stakeholderId, name: 'GDPR Org' })
    expect(exported.history.map((h) => h.action)).toEqual(['create'])

    expect(db.transaction((tx) => eraseContact(tx, id, comms()))).toBe(true)
    const erased = db.select().from(contacts).where(eq(contacts.id, id)).get()!
    expect(erased).toMatchObject({
      name: ERASED_NAME,
      email: null,
      emailKey: null,
      phone: null,
      position: null,
      notes: null,
      basisSource: null,
      stakeholderId,
    })
    expect(erased.erasedAt).not.toBeNull()
    // No audit row about this contact still holds the personal values.
    const trail = JSON.stringify(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'contact'), eq(auditLog.entityId, id)))
        .all(),
    )
    for (const value of [
      'Zofia',
      'Kowalska',
      'example.org',
      '600 100 200',
      'Prefers mornings',
      'Press Officer',
    ])
      expect(trail).not.toContain(value)
    expect(trail).toContain('"erase"')
    expect(db.transaction((tx) => eraseContact(tx, id, comms()))).toBe(false)
  })
})
