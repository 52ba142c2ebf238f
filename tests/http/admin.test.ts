import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'better-sqlite3'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, partners, project, sessions, themes, users } from '#db/schema'

import { useTestApp } from './app'

const app = useTestApp()

const partnerForm = {
  intent: 'edit',
  name: 'Ghent',
  country: 'BE',
  city: 'Gent',
  role: 'associated',
  website: 'https://stad.gent',
  linkedin: 'https://www.linkedin.com/company/stad-gent',
  mastodon: '',
}

function idFrom(location: string | null, prefix: string) {
  expect(location).toMatch(new RegExp(`^${prefix}/\\d+`))
  return Number(location!.slice(prefix.length + 1).split('?')[0])
}

function adminId() {
  return db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@demo.ripple')).get()!.id
}

async function signIn(email: string, password: string) {
  const response = await app.post('/login', { email, password })
  return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0] }
}

describe('partners through the admin pages', () => {
  it('creates a partner, edits it, and the audit page shows the change with before and after', async () => {
    const created = await app.post('/admin/partners/new', { ...partnerForm, intent: '' }, { as: 'admin' })
    expect(created.status).toBe(302)
    const id = idFrom(created.headers.get('location'), '/admin/partners')
    const row = db.select().from(partners).where(eq(partners.id, id)).get()!
    expect(row).toMatchObject({
      name: 'Ghent',
      country: 'BE',
      city: 'Gent',
      role: 'associated',
      website: 'https://stad.gent',
    })
    expect(row.socialAccounts).toEqual({ linkedin: 'https://www.linkedin.com/company/stad-gent' })

    const page = await app.fetch(`/admin/partners/${id}`, { as: 'admin' })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('value="Gent"')

    const edited = await app.post(
      `/admin/partners/${id}`,
      { ...partnerForm, city: 'Gand', role: 'partner' },
      { as: 'admin' },
    )
    expect(edited.status).toBe(302)
    expect(db.select().from(partners).where(eq(partners.id, id)).get()).toMatchObject({
      city: 'Gand',
      role: 'partner',
    })

    const audit = await app.fetch(`/admin/audit?entity=partner&entityId=${id}`, { as: 'admin' })
    expect(audit.status).toBe(200)
    const html = await audit.text()
    // Rendered as "city: <del>Gent</del> → <ins>Gand</ins>" (React may insert comment markers between text nodes).
    const text = html.replace(/<!-- -->/g, '')
    expect(text).toMatch(
      /<dt[^>]*>city<\/dt><dd[^>]*><del[^>]*>Gent<\/del><span[^>]*> → <\/span><ins[^>]*>Gand<\/ins>/,
    )
    expect(text).toMatch(
      /<dt[^>]*>role<\/dt><dd[^>]*><del[^>]*>associated<\/del><span[^>]*> → <\/span><ins[^>]*>partner<\/ins>/,
    )

    const update = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'partner'), eq(auditLog.entityId, id), eq(auditLog.action, 'update')))
      .get()!
    expect(update.before).toEqual({ city: 'Gent', role: 'associated' })
    expect(update.after).toEqual({ city: 'Gand', role: 'partner' })
    expect(update.userId).toBe(adminId())
  })

  it('keeps what was typed and shows each error next to its field', async () => {
    const response = await app.post(
      '/admin/partners/new',
      { ...partnerForm, name: 'Nantes', website: 'not a url', country: 'ZZ' },
      { as: 'admin' },
    )
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('value="Nantes"')
    expect(html).toContain('value="not a url"')
    expect(html).toContain('Enter a full web address starting with http:// or https://.')
    expect(html).toContain('Choose one of the options.')
    expect(db.select().from(partners).where(eq(partners.name, 'Nantes')).get()).toBeUndefined()
  })

  it('archives and restores a partner, hiding it from the list unless archived ones are shown', async () => {
    const id = db.select({ id: partners.id }).from(partners).where(eq(partners.name, 'Tampere')).get()!.id
    expect((await app.post(`/admin/partners/${id}`, { intent: 'archive' }, { as: 'admin' })).status).toBe(302)
    expect(db.select().from(partners).where(eq(partners.id, id)).get()!.archivedAt).not.toBeNull()
    expect(await (await app.fetch('/admin/partners', { as: 'admin' })).text()).not.toContain('>Tampere<')
    expect(await (await app.fetch('/admin/partners?archived=1', { as: 'admin' })).text()).toContain(
      '>Tampere<',
    )
    expect((await app.post(`/admin/partners/${id}`, { intent: 'restore' }, { as: 'admin' })).status).toBe(302)
    expect(db.select().from(partners).where(eq(partners.id, id)).get()!.archivedAt).toBeNull()
    const trail = db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'partner'), eq(auditLog.entityId, id)))
      .all()
    expect(trail.map((r) => r.action)).toEqual(['archive', 'restore'])
  })
})

describe('users through the admin pages', () => {
  const sanSebastian = () =>
    db.select({ id: partners.id }).from(partners).where(eq(partners.name, 'San Sebastián')).get()!.id

  it('creates a user with a lower-cased unique e-mail; a deactivated user is signed out and cannot sign in', async () => {
    const created = await app.post(
      '/admin/users/new',
      {
        email: 'Nora.Lopez@Donostia.EUS',
        name: 'Nora López',
        role: 'partner',
        partnerId: String(sanSebastian()),
        locale: 'es',
        password: 'a-long-secret-1',
      },
      { as: 'admin' },
    )
    expect(created.status).toBe(302)
    const id = idFrom(created.headers.get('location'), '/admin/users')
    const row = db.select().from(users).where(eq(users.id, id)).get()!
    expect(row).toMatchObject({
      email: 'nora.lopez@donostia.eus',
      role: 'partner',
      partnerId: sanSebastian(),
      locale: 'es',
      deactivatedAt: null,
    })
    expect(row.passwordHash).toMatch(/^\$argon2/)

    // The password hash never reaches the audit log.
    const created_ = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, id)))
      .get()!
    expect(JSON.stringify(created_)).not.toContain('argon2')
    expect(created_.after).toMatchObject({ email: 'nora.lopez@donostia.eus', role: 'partner' })

    // The same address in other letters is taken.
    const duplicate = await app.post(
      '/admin/users/new',
      {
        email: 'NORA.LOPEZ@donostia.eus',
        name: 'Someone',
        role: 'viewer',
        locale: 'en',
        password: 'another-long-secret',
      },
      { as: 'admin' },
    )
    expect(duplicate.status).toBe(400)
    expect(await duplicate.text()).toContain('Another account already uses this e-mail.')

    const session = await signIn('nora.lopez@donostia.eus', 'a-long-secret-1')
    expect(session.status).toBe(302)
    expect((await app.fetch('/', { headers: { Cookie: session.cookie! } })).status).toBe(200)

    const deactivated = await app.post(`/admin/users/${id}`, { intent: 'deactivate' }, { as: 'admin' })
    expect(deactivated.status).toBe(302)
    expect(db.select().from(users).where(eq(users.id, id)).get()!.deactivatedAt).not.toBeNull()
    expect(db.select().from(sessions).where(eq(sessions.userId, id)).all()).toHaveLength(0)
    const after = await app.fetch('/', { headers: { Cookie: session.cookie! } })
    expect(after.status).toBe(302)
    expect(after.headers.get('location')).toBe('/login')
    expect((await signIn('nora.lopez@donostia.eus', 'a-long-secret-1')).status).toBe(401)

    // Deactivated accounts are listed under their filter, never deleted, and can come back.
    expect(await (await app.fetch('/admin/users', { as: 'admin' })).text()).not.toContain('Nora López')
    expect(await (await app.fetch('/admin/users?status=inactive', { as: 'admin' })).text()).toContain(
      'Nora López',
    )
    expect((await app.post(`/admin/users/${id}`, { intent: 'reactivate' }, { as: 'admin' })).status).toBe(302)
    expect((await signIn('nora.lopez@donostia.eus', 'a-long-secret-1')).status).toBe(302)
  })

  it('requires a partner for the partner role and refuses one for the others, and a short password', async () => {
    const noPartner = await app.post(
      '/admin/users/new',
      { email: 'p@x.eu', name: 'P', role: 'partner', locale: 'en', password: 'long-enough-pw' },
      { as: 'admin' },
    )
    expect(noPartner.status).toBe(400)
    expect(await noPartner.text()).toContain('A partner account must belong to a partner organisation.')
    const viewerWithPartner = await app.post(
      '/admin/users/new',
      {
        email: 'v@x.eu',
        name: 'V',
        role: 'viewer',
        partnerId: String(sanSebastian()),
        locale: 'en',
        password: 'long-enough-pw',
      },
      { as: 'admin' },
    )
    expect(viewerWithPartner.status).toBe(400)
    expect(await viewerWithPartner.text()).toContain('Only partner accounts belong to a partner')
    const short = await app.post(
      '/admin/users/new',
      { email: 's@x.eu', name: 'S', role: 'viewer', locale: 'en', password: 'short' },
      { as: 'admin' },
    )
    expect(short.status).toBe(400)
    const html = await short.text()
    expect(html).toContain('The password must have at least 10 characters.')
    expect(html).toContain('value="s@x.eu"')
    expect(html).not.toContain('value="short"')
    expect(db.select().from(users).where(eq(users.email, 's@x.eu')).get()).toBeUndefined()
  })

  it('edits role and partner, resets a password, and filters the list by role in the URL', async () => {
    const viewer = db.select().from(users).where(eq(users.email, 'viewer@demo.ripple')).get()!
    const edited = await app.post(
      `/admin/users/${viewer.id}`,
      {
        intent: 'edit',
        name: 'Paolo Bianchi',
        role: 'partner',
        partnerId: String(sanSebastian()),
        locale: 'es',
      },
      { as: 'admin' },
    )
    expect(edited.status).toBe(302)
    expect(db.select().from(users).where(eq(users.id, viewer.id)).get()).toMatchObject({
      role: 'partner',
      partnerId: sanSebastian(),
      locale: 'es',
    })
    const change = db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, viewer.id), eq(auditLog.action, 'update')),
      )
      .get()!
    expect(change.before).toEqual({ role: 'viewer', partnerId: null, locale: 'en' })
    expect(change.after).toEqual({ role: 'partner', partnerId: sanSebastian(), locale: 'es' })

    const listed = await (await app.fetch('/admin/users?role=partner', { as: 'admin' })).text()
    expect(listed).toContain('Paolo Bianchi')
    expect(listed).not.toContain('Lucía Moreno')
    const searched = await (await app.fetch('/admin/users?q=BIANCHI', { as: 'admin' })).text()
    expect(searched).toContain('Paolo Bianchi')
    expect(searched).not.toContain('Iker Goikoetxea')
    expect(await (await app.fetch('/admin/users?q=%25', { as: 'admin' })).text()).toContain('No users match')

    expect(
      (
        await app.post(
          `/admin/users/${viewer.id}`,
          { intent: 'password', password: 'brand-new-password' },
          { as: 'admin' },
        )
      ).status,
    ).toBe(302)
    expect((await signIn('viewer@demo.ripple', 'brand-new-password')).status).toBe(302)
    const reset = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, viewer.id)))
      .all()
    expect(JSON.stringify(reset)).not.toContain('argon2')
  })

  it('does not let an administrator deactivate or demote themselves', async () => {
    const id = adminId()
    const deactivate = await app.post(`/admin/users/${id}`, { intent: 'deactivate' }, { as: 'admin' })
    expect(deactivate.status).toBe(400)
    expect(await deactivate.text()).toContain('You cannot deactivate your own account.')
    const demote = await app.post(
      `/admin/users/${id}`,
      { intent: 'edit', name: 'Ane Etxeberria', role: 'viewer', locale: 'en' },
      { as: 'admin' },
    )
    expect(demote.status).toBe(400)
    expect(await demote.text()).toContain('You cannot change your own role')
    expect(db.select().from(users).where(eq(users.id, id)).get()).toMatchObject({
      role: 'admin',
      deactivatedAt: null,
    })
  })
})

describe('project settings', () => {
  const valid = {
    intent: 'project',
    name: 'Cities in Dialogue',
    acronym: 'CiD',
    description: 'A network of cities.',
    startDate: '2025-01-01',
    endDate: '2028-06-30',
    workingLanguages: ['en', 'es', 'eu'],
    stakeholderEditPolicy: 'any_partner',
    'reportingPeriods[0].label': 'Period 1',
    'reportingPeriods[0].start': '2025-01-01',
    'reportingPeriods[0].end': '2025-12-31',
    'reportingPeriods[1].label': '',
    'reportingPeriods[1].start': '',
    'reportingPeriods[1].end': '',
  }

  it('saves the settings and audits the change', async () => {
    const response = await app.post('/admin/project', valid, { as: 'admin' })
    expect(response.status).toBe(302)
    const p = db.select().from(project).get()!
    expect(p).toMatchObject({
      endDate: '2028-06-30',
      workingLanguages: ['en', 'es', 'eu'],
      stakeholderEditPolicy: 'any_partner',
    })
    expect(p.reportingPeriods).toEqual([{ label: 'Period 1', start: '2025-01-01', end: '2025-12-31' }])
    const entry = db.select().from(auditLog).where(eq(auditLog.entity, 'project')).get()!
    expect(entry.before).toMatchObject({ endDate: '2027-12-31', stakeholderEditPolicy: 'owner' })
    expect(entry.after).toMatchObject({
      endDate: '2028-06-30',
      stakeholderEditPolicy: 'any_partner',
      workingLanguages: ['en', 'es', 'eu'],
    })
  })

  it('refuses an end before the start, a half-filled period and no language, keeping the values', async () => {
    const response = await app.post(
      '/admin/project',
      {
        ...valid,
        name: 'Renamed project',
        endDate: '2024-12-31',
        workingLanguages: [],
        'reportingPeriods[1].label': 'Period 2',
      },
      { as: 'admin' },
    )
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('The end date cannot be before the start date.')
    expect(html).toContain('Choose at least one working language.')
    expect(html).toContain('This field is required.')
    expect(html).toContain('value="Renamed project"')
    expect(html).toContain('value="Period 2"')
    expect(db.select().from(project).get()!.name).toBe('Cities in Dialogue')
  })

  it('adds, renames, archives and restores themes', async () => {
    expect(
      (await app.post('/admin/project', { intent: 'theme-add', name: 'Tourism' }, { as: 'admin' })).status,
    ).toBe(302)
    const theme = db.select().from(themes).where(eq(themes.name, 'Tourism')).get()!
    const dup = await app.post('/admin/project', { intent: 'theme-add', name: 'tourism' }, { as: 'admin' })
    expect(dup.status).toBe(400)
    expect(await dup.text()).toContain('There is already a theme with this name.')
    expect(
      (
        await app.post(
          '/admin/project',
          { intent: 'theme-rename', id: String(theme.id), name: 'Sustainable tourism' },
          { as: 'admin' },
        )
      ).status,
    ).toBe(302)
    expect(
      (await app.post('/admin/project', { intent: 'theme-archive', id: String(theme.id) }, { as: 'admin' }))
        .status,
    ).toBe(302)
    expect(db.select().from(themes).where(eq(themes.id, theme.id)).get()).toMatchObject({
      name: 'Sustainable tourism',
    })
    expect(db.select().from(themes).where(eq(themes.id, theme.id)).get()!.archivedAt).not.toBeNull()
    expect(
      (await app.post('/admin/project', { intent: 'theme-restore', id: String(theme.id) }, { as: 'admin' }))
        .status,
    ).toBe(302)
    const trail = db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'theme'), eq(auditLog.entityId, theme.id)))
      .all()
    expect(trail.map((r) => r.action)).toEqual(['create', 'update', 'archive', 'restore'])
    expect(trail[1].after).toEqual({ name: 'Sustainable tourism' })
  })
})

describe('audit export and backup', () => {
  it('exports exactly the filtered audit rows as CSV', async () => {
    await app.post(
      '/admin/partners/new',
      { name: 'Utrecht', country: 'NL', role: 'partner' },
      { as: 'admin' },
    )
    const response = await app.fetch('/admin/audit.csv?entity=partner&action=create', { as: 'admin' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    const raw = Buffer.from(await response.arrayBuffer())
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const body = raw.toString('utf8')
    const lines = body.trim().split('\r\n')
    expect(lines[0]).toContain('Record type')
    const expected = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'partner'), eq(auditLog.action, 'create')))
      .all().length
    expect(expected).toBeGreaterThan(0)
    expect(body).toContain('Utrecht')
    expect(body).not.toContain(',login,')
    // Each record starts with its ISO timestamp (the "changes" cell may span several lines).
    expect(lines.filter((l) => /^\d{4}-\d{2}-\d{2}T/.test(l))).toHaveLength(expected)
  })

  it('exports the filtered user list and the partner list as CSV', async () => {
    const usersCsv = await (await app.fetch('/admin/users.csv?role=partner', { as: 'admin' })).text()
    const userLines = usersCsv.trim().split('\r\n')
    expect(userLines[0]).toContain('E-mail')
    const partnerAccounts = db
      .select()
      .from(users)
      .where(eq(users.role, 'partner'))
      .all()
      .filter((u) => !u.deactivatedAt)
    expect(userLines).toHaveLength(partnerAccounts.length + 1)
    expect(usersCsv).toContain('partner2@demo.ripple')
    expect(usersCsv).not.toContain('admin@demo.ripple')
    const partnersCsv = await (await app.fetch('/admin/partners.csv', { as: 'admin' })).text()
    expect(partnersCsv).toContain('https://mastodon.social/@barcelona')
    expect(partnersCsv.trim().split('\r\n')).toHaveLength(
      db
        .select()
        .from(partners)
        .all()
        .filter((p) => !p.archivedAt).length + 1,
    )
  })

  it('ignores malformed filter values instead of failing', async () => {
    const response = await app.fetch('/admin/audit?entityId=abc&from=yesterday&action=dance', { as: 'admin' })
    expect(response.status).toBe(200)
  })

  it('downloads a consistent copy of the live database (in a tar archive) and audits it', async () => {
    const response = await app.post('/admin/backup/download', {}, { as: 'admin' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="ripple-backup-${new Date().toISOString().slice(0, 10)}.tar"`,
    )
    // A tar archive whose first entry is the database (the evidence files follow; see action-files.test.ts).
    const archive = Buffer.from(await response.arrayBuffer())
    expect(archive.subarray(0, 10).toString('latin1')).toBe('ripple.db\0')
    expect(archive.subarray(257, 262).toString('latin1')).toBe('ustar')
    const size = parseInt(archive.subarray(124, 135).toString('latin1'), 8)
    const bytes = archive.subarray(512, 512 + size)
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0')
    // The copy keeps the WAL flag in its header, so open it from a file as a restored database would be.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ripple-restore-')), 'ripple.db')
    fs.writeFileSync(file, bytes)
    const copy = new Database(file)
    try {
      const count = (copy.prepare('select count(*) as n from partners').get() as { n: number }).n
      expect(count).toBe(db.select().from(partners).all().length)
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      copy.close()
    }
    const audit = db.select().from(auditLog).where(eq(auditLog.entity, 'backup')).all()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      userId: db.select().from(users).where(eq(users.email, 'admin@demo.ripple')).get()!.id,
      entityId: null,
      action: 'create',
      before: null,
      after: { bytes: archive.length },
    })
    // A plain GET only leads to the page with the explanation.
    expect((await app.fetch('/admin/backup/download', { as: 'admin' })).headers.get('location')).toBe(
      '/admin/backup',
    )
  })
})
