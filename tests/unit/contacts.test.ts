import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import {
  actions,
  actionStakeholders,
  actionTypes,
  auditLog,
  contacts,
  importJobs,
  notifications,
  partners,
  project,
  stakeholderCategories,
} from '#db/schema'
import {
  contactAccessExport,
  contactForActor,
  type ContactInput,
  contactInputSchema,
  contactsOfStakeholder,
  createContact,
  emailKeyOf,
  eraseContact,
  eraseContactNow,
  ERASED_NAME,
  listContacts,
  searchContacts,
  setContactArchived,
  updateContact,
} from '~/models/contacts/index.server'
import { createStakeholder, stakeholderInputSchema } from '~/models/stakeholders/index.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'

const partnerId = (name: string) => db.select().from(partners).where(eq(partners.name, name)).get()!.id
const categoryId = () => db.select().from(stakeholderCategories).get()!.id

function newStakeholder(ownerPartnerId: number | null, name = 'Městský úřad Plzeň') {
  const input = stakeholderInputSchema.parse({
    name,
    categoryId: categoryId(),
    ownerPartnerId: ownerPartnerId ?? '',
  })
  return db.transaction((tx) => createStakeholder(tx, input, demo.comms()))
}

const person = (over: Partial<ContactInput> = {}): ContactInput => ({
  name: 'Ștefan Popescu',
  position: 'Referent',
  email: 'Stefan.Popescu@Primaria-Cluj.example.ro',
  phone: '+40 264 596 030',
  languages: ['ro', 'en', 'ro'],
  lawfulBasis: 'legitimate_interest',
  basisObtainedAt: '2025-09-01',
  basisSource: 'Conferinţa Cluj',
  doNotContact: false,
  notes: 'Prefers e-mail',
  ...over,
})

const add = (stakeholderId: number | null, over: Partial<ContactInput> = {}, by = demo.comms()) =>
  db.transaction((tx) => createContact(tx, stakeholderId, person(over), by))
const contactRow = (id: number) => db.select().from(contacts).where(eq(contacts.id, id)).get()!
const trail = (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'contact'), eq(auditLog.entityId, id)))
    .orderBy(auditLog.id)
    .all()

function setPolicy(policy: 'owner' | 'any_partner' | 'none') {
  db.update(project).set({ stakeholderEditPolicy: policy }).where(eq(project.id, 1)).run()
}

describe('contactInputSchema', () => {
  const errors = (over: Record<string, unknown>) => {
    const result = contactInputSchema.safeParse({ name: 'Ana', lawfulBasis: 'consent', ...over })
    return result.success ? {} : result.error.flatten().fieldErrors
  }

  it('accepts a full contact, trimming text and dropping empty fields', () => {
    const parsed = contactInputSchema.parse({
      name: '  Γιώργος Παπαδόπουλος ',
      position: '',
      email: ' giorgos@thessaloniki.example.gr ',
      phone: '+30 (2310) 123-456/7',
      languages: ['el', '', 'en'],
      lawfulBasis: 'public_task',
      basisObtainedAt: '2024-02-29',
      basisSource: ' ',
      notes: '',
    })
    expect(parsed).toEqual({
      name: 'Γιώργος Παπαδόπουλος',
      email: 'giorgos@thessaloniki.example.gr',
      phone: '+30 (2310) 123-456/7',
      languages: ['el', 'en'],
      lawfulBasis: 'public_task',
      basisObtainedAt: '2024-02-29',
      doNotContact: false,
    })
  })

  it('says what is wrong with each field', () => {
    const date = 'common:errors.date'
    expect(errors({ name: undefined })).toEqual({ name: ['common:errors.required'] })
    expect(errors({ name: '   ' })).toEqual({ name: ['common:errors.required'] })
    expect(errors({ name: 'ż'.repeat(201) })).toEqual({ name: ['common:errors.tooLong'] })
    expect(errors({ name: 'ż'.repeat(200) })).toEqual({})
    expect(errors({ email: 'not an address' })).toEqual({ email: ['common:errors.email'] })
    expect(errors({ email: `${'a'.repeat(250)}@x.eu` })).toEqual({ email: ['common:errors.tooLong'] })
    expect(errors({ phone: 'call me' })).toEqual({ phone: ['common:errors.invalid'] })
    expect(errors({ phone: '600 100 200 x' })).toEqual({ phone: ['common:errors.invalid'] })
    expect(errors({ phone: '6'.repeat(41) })).toEqual({ phone: ['common:errors.tooLong'] })
    expect(errors({ lawfulBasis: 'because' })).toEqual({ lawfulBasis: ['common:errors.choose'] })
    expect(errors({ lawfulBasis: undefined })).toEqual({ lawfulBasis: ['common:errors.choose'] })
    expect(errors({ basisObtainedAt: '2025-02-30' })).toEqual({ basisObtainedAt: ['common:errors.date'] })
    expect(errors({ basisObtainedAt: '2025-13-01' })).toEqual({ basisObtainedAt: ['common:errors.date'] })
    expect(errors({ basisObtainedAt: '1.5.2025' })).toEqual({ basisObtainedAt: [date, date] })
    expect(errors({ basisObtainedAt: 'x2025-05-01' })).toEqual({ basisObtainedAt: [date, date] })
    expect(errors({ basisObtainedAt: '2025-05-01x' })).toEqual({ basisObtainedAt: [date, date] })
    expect(errors({ basisSource: 'ă'.repeat(501) })).toEqual({ basisSource: ['common:errors.tooLong'] })
  })

  it('reads the do-not-contact checkbox as on, true or 1', () => {
    const flag = (v: unknown) =>
      contactInputSchema.parse({ name: 'Ana', lawfulBasis: 'consent', doNotContact: v }).doNotContact
    expect([flag('on'), flag('true'), flag(true), flag('1')]).toEqual([true, true, true, true])
    expect([flag('off'), flag('0'), flag(false), flag(undefined)]).toEqual([false, false, false, false])
  })

  it('emailKeyOf folds case and spaces; no e-mail, no key', () => {
    expect(emailKeyOf('  Ana.Lopez@Bilbao.EUS ')).toBe('ana.lopez@bilbao.eus')
    expect(emailKeyOf('')).toBeNull()
    expect(emailKeyOf(null)).toBeNull()
    expect(emailKeyOf(undefined)).toBeNull()
  })
})

describe('contact commands', () => {
  it('createContact stores the contact with its e-mail key and audits it without the keys (e-mail, search text) or timestamps', () => {
    const stakeholderId = newStakeholder(null)
    const id = add(stakeholderId)
    const row = contactRow(id)
    expect(row).toMatchObject({
      stakeholderId,
      name: 'Ștefan Popescu',
      emailKey: 'stefan.popescu@primaria-cluj.example.ro',
      languages: ['ro', 'en'],
      doNotContact: false,
    })
    const [audit] = trail(id)
    expect(audit).toMatchObject({
      userId: demo.comms().id,
      action: 'create',
      before: null,
      summary: row.name,
    })
    const { emailKey: _k, searchText: _s, createdAt: _c, updatedAt: _u, ...expected } = row
    expect(audit!.after).toEqual(expected)
  })

  it('stores absent optional fields as null', () => {
    const id = add(null, {
      position: undefined,
      email: undefined,
      phone: undefined,
      basisObtainedAt: undefined,
      basisSource: undefined,
      notes: undefined,
    })
    expect(contactRow(id)).toMatchObject({
      position: null,
      email: null,
      emailKey: null,
      phone: null,
      basisObtainedAt: null,
      basisSource: null,
      notes: null,
    })
  })

  it('lets a partner edit the contacts of its own stakeholders only, as the edit policy says', () => {
    const own = newStakeholder(demo.partner().partnerId)
    const others = newStakeholder(partnerId('Barcelona'))
    const unowned = newStakeholder(null)
    const partner = demo.partner()
    try {
      setPolicy('owner')
      expect(add(own, {}, partner)).toBeGreaterThan(0)
      expect(() => add(others, {}, partner)).toThrow(ForbiddenError)
      expect(() => add(unowned, {}, partner)).toThrow(ForbiddenError)
      expect(() => add(null, {}, partner)).toThrow(ForbiddenError)
      setPolicy('any_partner')
      expect(add(others, {}, partner)).toBeGreaterThan(0)
      setPolicy('none')
      expect(() => add(own, {}, partner)).toThrow(ForbiddenError)
    } finally {
      setPolicy('owner')
    }
    expect(() => add(own, {}, demo.viewer())).toThrow(ForbiddenError)
    expect(add(null, {}, demo.admin())).toBeGreaterThan(0)
  })

  it('updateContact audits only the changed fields and refuses what it may not change', () => {
    const stakeholderId = newStakeholder(demo.partner().partnerId)
    const id = add(stakeholderId)
    const update = (input: ContactInput, by = demo.comms()) =>
      db.transaction((tx) => updateContact(tx, id, input, by))
    expect(update(person())).toBe(false)
    expect(trail(id)).toHaveLength(1)
    expect(update(person({ email: 'S.Popescu@cluj.example.ro', notes: 'Call before 10' }))).toBe(true)
    expect(contactRow(id).emailKey).toBe('s.popescu@cluj.example.ro')
    expect(trail(id)[1]).toMatchObject({
      action: 'update',
      summary: 'Ștefan Popescu',
      before: { email: 'Stefan.Popescu@Primaria-Cluj.example.ro', notes: 'Prefers e-mail' },
      after: { email: 'S.Popescu@cluj.example.ro', notes: 'Call before 10' },
    })
    expect(() => update(person({ name: 'X' }), demo.viewer())).toThrow(ForbiddenError)
    expect(() => update(person({ name: 'X' }), demo.partner2())).toThrow(ForbiddenError)
    expect(update(person({ name: 'Ștefan Popescu-Ionescu' }), demo.partner())).toBe(true)
    // Optional fields left empty on the form are cleared, not kept.
    expect(
      update(
        person({
          name: 'Ștefan Popescu-Ionescu',
          phone: undefined,
          basisObtainedAt: undefined,
          basisSource: undefined,
          position: undefined,
          notes: undefined,
        }),
        demo.partner(),
      ),
    ).toBe(true)
    expect(contactRow(id)).toMatchObject({
      phone: null,
      basisObtainedAt: null,
      basisSource: null,
      position: null,
      notes: null,
    })
    expect(() => db.transaction((tx) => updateContact(tx, 987_654, person(), demo.comms()))).toThrow(
      'Contact 987654 not found',
    )
    eraseContactNow(id, demo.comms())
    expect(() => update(person())).toThrow('An erased contact cannot be edited')
  })

  it('setContactArchived archives and restores once each, audited, for editors only', () => {
    const id = add(newStakeholder(demo.partner().partnerId))
    const archive = (archived: boolean, by = demo.comms()) =>
      db.transaction((tx) => setContactArchived(tx, id, archived, by))
    expect(() => archive(true, demo.viewer())).toThrow(ForbiddenError)
    expect(() => archive(true, demo.partner2())).toThrow(ForbiddenError)
    expect(archive(false)).toBe(false)
    expect(archive(true, demo.partner())).toBe(true)
    const archivedAt = contactRow(id).archivedAt
    expect(archivedAt).not.toBeNull()
    expect(archive(true)).toBe(false)
    expect(archive(false)).toBe(true)
    expect(contactRow(id).archivedAt).toBeNull()
    expect(trail(id).slice(1)).toEqual([
      expect.objectContaining({
        userId: demo.partner().id,
        action: 'archive',
        summary: 'Ștefan Popescu',
        before: { archivedAt: null },
        after: { archivedAt },
      }),
      expect.objectContaining({ action: 'restore', before: { archivedAt }, after: { archivedAt: null } }),
    ])
    expect(db.transaction((tx) => setContactArchived(tx, 987_654, true, demo.comms()))).toBe(false)
    // An erased contact's archive row does not name anyone.
    eraseContactNow(id, demo.comms())
    expect(archive(true)).toBe(true)
    expect(trail(id).at(-1)).toMatchObject({ action: 'archive', summary: null })
  })
})

describe('erasure', () => {
  it('only the GDPR handler erases; an unknown or already erased contact is not erased again', () => {
    const id = add(newStakeholder(demo.partner().partnerId))
    expect(() => eraseContactNow(id, demo.partner())).toThrow(ForbiddenError)
    expect(() => eraseContactNow(id, demo.viewer())).toThrow(ForbiddenError)
    expect(contactRow(id).name).toBe('Ștefan Popescu')
    expect(eraseContactNow(987_654, demo.comms())).toBe(false)
    expect(eraseContactNow(id, demo.comms())).toBe(true)
    expect(eraseContactNow(id, demo.comms())).toBe(false)
    expect(trail(id).filter((a) => a.action === 'erase')).toHaveLength(1)
  })

  it('blanks the person, audits which fields went, and scrubs every copy Ripple made', () => {
    const stakeholderId = newStakeholder(null)
    const id = add(stakeholderId, { name: 'Ane Etxeberria Arana', email: 'ane.etx@donostia.example.eus' })
    db.transaction((tx) =>
      updateContact(
        tx,
        id,
        person({ name: 'Ane Etxeberria', email: 'ane.etx@donostia.example.eus' }),
        demo.comms(),
      ),
    )
    const comms = demo.comms()
    const importAudit = db
      .insert(auditLog)
      .values({
        userId: comms.id,
        entity: 'import_job',
        entityId: 1,
        action: 'import',
        summary: 'kontaktuak.csv: ANE ETXEBERRIA ARANA created',
        after: { created: ['ane.etx@donostia.example.eus'], count: 1 },
      })
      .returning({ id: auditLog.id })
      .get().id
    const unrelatedAudit = db
      .insert(auditLog)
      .values({
        userId: comms.id,
        entity: 'import_job',
        entityId: 2,
        action: 'import',
        summary: 'Ane (no surname)',
      })
      .returning({ id: auditLog.id })
      .get().id
    const note = db
      .insert(notifications)
      .values({ userId: comms.id, kind: 'returned', message: 'Call Ane Etxeberria about the fair' })
      .returning({ id: notifications.id })
      .get().id
    const job = (status: 'completed' | 'mapped', report: Record<string, unknown> | null) =>
      db
        .insert(importJobs)
        .values({
          kind: 'contacts',
          userId: comms.id,
          fileName: 'kontaktuak.csv',
          fileSize: 10,
          content: Buffer.from('name\nAne Etxeberria Arana\n', 'utf8'),
          upload: Buffer.from('name\nAne Etxeberria Arana\n', 'utf16le'),
          headers: ['name'],
          status,
          report,
        })
        .returning({ id: importJobs.id })
        .get().id
    const done = job('completed', {
      created: [
        { line: 2, id, label: 'Ane', params: { name: 'Ane' } },
        { line: 3, id: id + 1000, label: 'Mikel Aranburu' },
      ],
      warnings: [{ line: 2, label: 'Ane', params: 'x' }],
    })
    const pending = job('mapped', null)

    expect(eraseContactNow(id, comms)).toBe(true)

    const erased = contactRow(id)
    expect(erased).toMatchObject({
      name: ERASED_NAME,
      position: null,
      email: null,
      emailKey: null,
      phone: null,
      notes: null,
      basisSource: null,
      languages: [],
      stakeholderId,
      lawfulBasis: 'legitimate_interest',
    })
    expect(erased.erasedAt).not.toBeNull()
    expect(erased.updatedAt).toBe(erased.erasedAt)
    const history = trail(id)
    expect(history.map((h) => [h.action, h.summary])).toEqual([
      ['create', ERASED_NAME],
      ['update', ERASED_NAME],
      ['erase', ERASED_NAME],
    ])
    expect(history[0]!.after).toMatchObject({
      name: '[erased]',
      email: '[erased]',
      phone: '[erased]',
      position: '[erased]',
      notes: '[erased]',
      basisSource: '[erased]',
      languages: '[erased]',
      lawfulBasis: 'legitimate_interest',
    })
    expect(history[1]!.before).toEqual({ name: '[erased]' })
    expect(history[1]!.after).toEqual({ name: '[erased]' })
    expect(history[2]).toMatchObject({
      userId: comms.id,
      before: { erasedFields: ['name', 'position', 'email', 'phone', 'notes', 'basisSource', 'languages'] },
      after: { name: ERASED_NAME, erasedAt: erased.erasedAt },
    })

    const audit = (auditId: number) => db.select().from(auditLog).where(eq(auditLog.id, auditId)).get()!
    expect(audit(importAudit)).toMatchObject({
      summary: 'kontaktuak.csv: [erased] created',
      after: { created: ['[erased]'], count: 1 },
    })
    expect(audit(unrelatedAudit).summary).toBe('Ane (no surname)')
    expect(db.select().from(notifications).where(eq(notifications.id, note)).get()!.message).toBe(
      'Call [erased] about the fair',
    )

    expect(db.select().from(importJobs).where(eq(importJobs.id, pending)).get()).toBeUndefined()
    const kept = db.select().from(importJobs).where(eq(importJobs.id, done)).get()!
    expect(kept.upload!.byteLength).toBe(0)
    expect(kept.content.byteLength).toBe(0)
    expect(kept.report).toEqual({
      created: [
        { line: 2, id, label: ERASED_NAME, params: { name: '[erased]' } },
        { line: 3, id: id + 1000, label: 'Mikel Aranburu' },
      ],
      updated: [],
      skipped: [],
      rejected: [],
      warnings: [{ line: 2, label: ERASED_NAME, params: 'x' }],
    })
  })

  it('finds the person in uploads in UTF-8, UTF-16 and Latin-1, in any case, and in other kinds of import', () => {
    const comms = demo.comms()
    const id = add(null, { name: 'Zoé Martínez', email: undefined, phone: undefined })
    const job = (
      kind: 'contacts' | 'stakeholders',
      status: 'completed' | 'mapped',
      upload: Buffer,
      report?: object,
    ) =>
      db
        .insert(importJobs)
        .values({
          kind,
          userId: comms.id,
          fileName: 'lista.csv',
          fileSize: upload.byteLength,
          content: Buffer.alloc(0),
          upload,
          status,
          report: (report ?? null) as Record<string, unknown> | null,
        })
        .returning({ id: importJobs.id })
        .get().id
    const pending = [
      job('contacts', 'mapped', Buffer.from('name\nZoé Martínez\n', 'utf16le')),
      job('contacts', 'mapped', Buffer.from('name\nZoé Martínez\n', 'latin1')),
      job('contacts', 'mapped', Buffer.from('NAME\nZOÉ MARTÍNEZ\n', 'utf8')),
      job('contacts', 'mapped', Buffer.from('name\nzoé martínez\n', 'utf8')),
    ]
    const unrelated = job('contacts', 'mapped', Buffer.from('name\nZoe Martin\n', 'utf8'))
    const other = job('stakeholders', 'completed', Buffer.alloc(0), {
      created: [{ line: 2, id, label: 'Zoé Martínez (contact)' }],
    })
    expect(eraseContactNow(id, comms)).toBe(true)
    const exists = (jobId: number) => !!db.select().from(importJobs).where(eq(importJobs.id, jobId)).get()
    expect(pending.map(exists)).toEqual([false, false, false, false])
    expect(exists(unrelated)).toBe(true)
    // Not a contacts import: its lines are not the contact's, but the name is still replaced.
    expect(db.select().from(importJobs).where(eq(importJobs.id, other)).get()!.report).toEqual({
      created: [{ line: 2, id, label: '[erased] (contact)' }],
    })
  })

  it('looks for values of four characters or more only', () => {
    const comms = demo.comms()
    const note = (message: string) =>
      db.insert(notifications).values({ userId: comms.id, kind: 'returned', message }).returning().get().id
    const four = add(null, { name: 'Mirę', email: undefined, phone: undefined })
    const three = add(null, { name: 'Ola', email: undefined, phone: undefined })
    const fourNote = note('Zadzwoń do Mirę jutro')
    const threeNote = note('Ola ma kota')
    eraseContactNow(four, comms)
    eraseContactNow(three, comms)
    const message = (id: number) =>
      db.select().from(notifications).where(eq(notifications.id, id)).get()!.message
    expect(message(fourNote)).toBe('Zadzwoń do [erased] jutro')
    expect(message(threeNote)).toBe('Ola ma kota')
  })

  it('finds a completed contacts import by the contact id alone, even when no trace is long enough', () => {
    const id = add(null, { name: 'Jo', email: undefined, phone: undefined })
    const comms = demo.comms()
    const report = {
      updated: [{ line: 4, id, label: 'Jo' }],
      created: [{ line: 5, id: id + 1, label: 'Bo' }],
    }
    const jobId = db
      .insert(importJobs)
      .values({
        kind: 'contacts',
        userId: comms.id,
        fileName: 'a.csv',
        fileSize: 1,
        content: Buffer.alloc(0),
        status: 'completed',
        report,
      })
      .returning({ id: importJobs.id })
      .get().id
    expect(eraseContactNow(id, comms)).toBe(true)
    expect(db.select().from(importJobs).where(eq(importJobs.id, jobId)).get()!.report).toEqual({
      created: [{ line: 5, id: id + 1, label: 'Bo' }],
      updated: [{ line: 4, id, label: ERASED_NAME }],
      skipped: [],
      rejected: [],
      warnings: [],
    })
  })

  it('erasing inside a caller transaction works the same (eraseContact)', () => {
    const id = add(null)
    expect(db.transaction((tx) => eraseContact(tx, id, demo.comms()))).toBe(true)
    expect(contactRow(id).name).toBe(ERASED_NAME)
  })
})

describe('contact queries', () => {
  it('contactForActor gives editors and the GDPR handler the record, other readers the card', () => {
    const stakeholderId = newStakeholder(demo.partner().partnerId, 'Udala Donostia')
    const id = add(stakeholderId)
    const record = contactForActor(id, demo.comms())!
    expect(record).toMatchObject({
      view: 'record',
      canEdit: true,
      canGdpr: true,
      stakeholderName: 'Udala Donostia',
    })
    expect(record.contact).toMatchObject({ id, notes: 'Prefers e-mail', lawfulBasis: 'legitimate_interest' })
    expect(record.contact).not.toHaveProperty('emailKey')
    const own = contactForActor(id, demo.partner())!
    expect(own).toMatchObject({ view: 'record', canEdit: true, canGdpr: false })
    const card = contactForActor(id, demo.partner2())!
    expect(card).toMatchObject({ view: 'card', canEdit: false, canGdpr: false })
    expect(Object.keys(card.contact).sort()).toEqual(
      [
        'archivedAt',
        'doNotContact',
        'email',
        'erasedAt',
        'id',
        'name',
        'phone',
        'position',
        'stakeholderId',
      ].sort(),
    )
    expect(contactForActor(id, demo.viewer())!.view).toBe('card')
    expect(contactForActor(987_654, demo.comms())).toBeNull()
  })

  it('lists a stakeholder’s contacts by name, erased last, archived ones only for editors', () => {
    const stakeholderId = newStakeholder(demo.partner().partnerId)
    const zofia = add(stakeholderId, { name: 'Zofia Nowak' })
    const agata = add(stakeholderId, { name: 'Agata Wójcik' })
    const archived = add(stakeholderId, { name: 'Bartosz Lis' })
    const erased = add(stakeholderId, { name: 'Adam Kowal' })
    db.transaction((tx) => setContactArchived(tx, archived, true, demo.comms()))
    eraseContactNow(erased, demo.comms())
    expect(listContacts(stakeholderId).map((c) => c.id)).toEqual([agata, zofia, erased])
    expect(listContacts(stakeholderId, { includeArchived: true }).map((c) => c.id)).toEqual([
      agata,
      archived,
      zofia,
      erased,
    ])
    const stakeholder = { id: stakeholderId, ownerPartnerId: demo.partner().partnerId }
    expect(contactsOfStakeholder(stakeholder, demo.partner()).map((c) => c.id)).toContain(archived)
    const forViewer = contactsOfStakeholder(stakeholder, demo.viewer())
    expect(forViewer.map((c) => c.id)).toEqual([agata, zofia, erased])
    expect(forViewer[0]).not.toHaveProperty('notes')
  })

  it('the access export holds the record, the organisation, the history and the actions that reached it', () => {
    const stakeholderId = newStakeholder(null, 'Δήμος Θεσσαλονίκης')
    const id = add(stakeholderId)
    db.transaction((tx) => updateContact(tx, id, person({ position: 'Head of unit' }), demo.comms()))
    const action = (
      title: string,
      date: string,
      status: 'validated' | 'submitted' | 'draft',
      archived = false,
    ) => {
      const actionId = db
        .insert(actions)
        .values({
          partnerId: demo.partner().partnerId!,
          createdBy: demo.partner().id,
          title,
          date,
          month: date.slice(0, 7),
          typeId: db.select().from(actionTypes).get()!.id,
          status,
          archivedAt: archived ? '2026-01-01T00:00:00.000Z' : null,
        })
        .returning({ id: actions.id })
        .get().id
      db.insert(actionStakeholders).values({ actionId, stakeholderId }).run()
    }
    action('Newsletter', '2026-02-01', 'validated')
    action('Study visit', '2026-03-01', 'submitted')
    action('Draft post', '2026-04-01', 'draft')
    action('Old fair', '2026-05-01', 'validated', true)
    const exported = contactAccessExport(id)!
    expect(exported.contact).not.toHaveProperty('emailKey')
    expect(exported.contact).toMatchObject({ id, position: 'Head of unit' })
    expect(exported.organisation).toEqual({ id: stakeholderId, name: 'Δήμος Θεσσαλονίκης' })
    expect(exported.history.map((h) => [h.action, h.by])).toEqual([
      ['create', 'Lucía Moreno'],
      ['update', 'Lucía Moreno'],
    ])
    expect(exported.organisationActions.map((a) => [a.title, a.status, a.partner])).toEqual([
      ['Study visit', 'submitted', 'San Sebastián'],
      ['Newsletter', 'validated', 'San Sebastián'],
    ])
    const alone = add(null)
    expect(contactAccessExport(alone)).toMatchObject({ organisation: null, organisationActions: [] })
    expect(contactAccessExport(987_654)).toBeNull()
  })

  it('searchContacts ignores case and accents, skips erased and archived people, and pages', () => {
    const stakeholderId = newStakeholder(null, 'Gmina Żółkiewka')
    const ids = ['Łukasz Żółkiewski', 'Łukasz Żółkiewski-Nowak', 'Łukasz Żółkiewski III'].map((name) =>
      add(stakeholderId, { name, email: undefined }),
    )
    const hidden = add(stakeholderId, { name: 'Łukasz Żółkiewski Archived', email: undefined })
    db.transaction((tx) => setContactArchived(tx, hidden, true, demo.comms()))
    const gone = add(stakeholderId, { name: 'Łukasz Żółkiewski Gone', email: 'zolkiewski.gone@example.pl' })
    eraseContactNow(gone, demo.comms())
    const found = searchContacts('lukasz ZOLKIEWSKI')
    expect(found).toEqual({
      rows: [
        {
          id: ids[0],
          name: 'Łukasz Żółkiewski',
          email: null,
          position: 'Referent',
          stakeholderId,
          stakeholderName: 'Gmina Żółkiewka',
        },
        expect.objectContaining({ id: ids[2] }),
        expect.objectContaining({ id: ids[1] }),
      ],
      more: false,
    })
    expect(searchContacts('zolkiewski lukasz', 2)).toEqual({
      rows: [expect.objectContaining({ id: ids[0] }), expect.objectContaining({ id: ids[2] })],
      more: true,
    })
    expect(searchContacts('zolkiewski', 3).more).toBe(false)
    expect(searchContacts('stefan.popescu@primaria').rows.length).toBeGreaterThan(0)
    expect(searchContacts('   ')).toEqual({ rows: [], more: false })
    expect(searchContacts('zolkiewski nobody')).toEqual({ rows: [], more: false })
  })
})
