import fs from 'node:fs'
import path from 'node:path'

import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { sessions, users } from '#db/schema'
import {
  backupDatabase,
  createPartner,
  createUser,
  databaseFileName,
  evidenceFolderName,
  getUser,
  listUsers,
  resetPassword,
  setPartnerArchived,
  setUserActive,
  updateUser,
  userChoices,
  userFilterFromUrl,
} from '~/models/admin/index.server'
import { endTar, writeTarFile } from '~/models/admin/tar.server'

import { demo } from '../setup/actors'
import { auditCount, expectRefused, lastAudit } from '../setup/audit'

const partner = (name: string) => createPartner({ name, country: 'PL', role: 'partner' }, demo.admin())

async function created(
  email: string,
  name: string,
  extra: { role?: 'partner' | 'viewer' | 'comms'; partnerId?: number } = {},
) {
  const result = await createUser(
    {
      email,
      name,
      role: extra.role ?? 'viewer',
      partnerId: extra.partnerId,
      locale: 'en',
      password: 'długie-hasło-1',
    },
    demo.admin(),
  )
  if (!result.ok) throw new Error(`createUser(${email}): ${result.error.message}`)
  return result.value
}

const row = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!

describe('creating users', () => {
  it('creates a partner user bound to its partner, with an audit row that never names the hash', async () => {
    const lodz = partner('Urząd Miasta Łodzi')
    const id = await created(' Cenek@Brno.CZ ', 'Čeněk Šťastný', { role: 'partner', partnerId: lodz })
    expect(getUser(id)).toMatchObject({
      id,
      email: 'cenek@brno.cz',
      name: 'Čeněk Šťastný',
      role: 'partner',
      partnerId: lodz,
      partnerName: 'Urząd Miasta Łodzi',
      locale: 'en',
      deactivatedAt: null,
    })
    expect(row(id).passwordHash).toMatch(/^\$argon2id\$/)
    const audit = lastAudit('user', id)
    expect(audit).toMatchObject({ entity: 'user', action: 'create', summary: 'cenek@brno.cz' })
    expect(audit.after).toEqual({
      email: 'cenek@brno.cz',
      name: 'Čeněk Šťastný',
      role: 'partner',
      partnerId: lodz,
      locale: 'en',
      deactivatedAt: null,
    })
  })

  it('drops the partner of a role that acts for no single partner', async () => {
    const id = await created('ane@gasteiz.eus', 'Ane Gasteizko Udala', {
      role: 'comms',
      partnerId: partner('Gasteiz'),
    })
    expect(getUser(id)).toMatchObject({ role: 'comms', partnerId: null, partnerName: null })
  })

  it('refuses an archived partner and a taken e-mail, writing nothing', async () => {
    const old = partner('Târgu Mureș (archiv)')
    setPartnerArchived(old, true, demo.admin())
    const audits = auditCount()
    const input = {
      email: 'ion@tgmures.ro',
      name: 'Ion',
      role: 'partner' as const,
      locale: 'en' as const,
      password: 'x'.repeat(12),
    }
    expect(await createUser({ ...input, partnerId: old }, demo.admin())).toEqual({
      ok: false,
      error: { field: 'partnerId', message: 'common:errors.choose' },
    })
    expect(await createUser({ ...input, partnerId: 999_999 }, demo.admin())).toEqual({
      ok: false,
      error: { field: 'partnerId', message: 'common:errors.choose' },
    })
    expect(await createUser({ ...input, email: 'ADMIN@demo.ripple', role: 'viewer' }, demo.admin())).toEqual({
      ok: false,
      error: { field: 'email', message: 'common:errors.duplicateEmail' },
    })
    expect(auditCount()).toBe(audits)
  })

  it('refuses every user command to a non-administrator', () => {
    const viewer = demo.viewer().id
    const input = {
      email: 'x@y.eu',
      name: 'X',
      role: 'viewer' as const,
      locale: 'en' as const,
      password: 'x'.repeat(12),
    }
    for (const actor of [demo.comms(), demo.partner(), demo.viewer()]) {
      expectRefused(actor, (by) => createUser(input, by))
      expectRefused(actor, (by) => updateUser(viewer, { name: 'X', role: 'viewer', locale: 'en' }, by))
      expectRefused(actor, (by) => resetPassword(viewer, 'x'.repeat(12), by))
      expectRefused(actor, (by) => setUserActive(viewer, false, by))
    }
  })
})

describe('editing users', () => {
  it('edits name, role and partner, auditing only what changed', async () => {
    const p = partner('Θεσσαλονίκη Δήμος')
    const id = await created('maria@thessaloniki.gr', 'Μαρία')
    expect(
      updateUser(
        id,
        { name: 'Μαρία Παπαδοπούλου', role: 'partner', partnerId: p, locale: 'es' },
        demo.admin(),
      ),
    ).toEqual({ ok: true, value: id })
    expect(getUser(id)).toMatchObject({
      name: 'Μαρία Παπαδοπούλου',
      role: 'partner',
      partnerId: p,
      locale: 'es',
    })
    const audit = lastAudit('user', id)
    expect(audit).toMatchObject({ entity: 'user', action: 'update', summary: 'maria@thessaloniki.gr' })
    expect(audit.before).toEqual({ name: 'Μαρία', role: 'viewer', partnerId: null, locale: 'en' })
    expect(audit.after).toEqual({ name: 'Μαρία Παπαδοπούλου', role: 'partner', partnerId: p, locale: 'es' })
  })

  it('keeps a user on their archived partner but refuses moving anyone to one', async () => {
    const p = partner('Łódź archiwum')
    const id = await created('jan@lodz.pl', 'Jan', { role: 'partner', partnerId: p })
    setPartnerArchived(p, true, demo.admin())
    expect(
      updateUser(id, { name: 'Jan Kowalski', role: 'partner', partnerId: p, locale: 'en' }, demo.admin()).ok,
    ).toBe(true)
    const other = await created('ewa@lodz.pl', 'Ewa')
    expect(
      updateUser(other, { name: 'Ewa', role: 'partner', partnerId: p, locale: 'en' }, demo.admin()),
    ).toEqual({
      ok: false,
      error: { field: 'partnerId', message: 'common:errors.choose' },
    })
  })

  it('answers notFound for a missing user and refuses an administrator’s own demotion', () => {
    const me = demo.admin()
    expect(updateUser(999_999, { name: 'X', role: 'viewer', locale: 'en' }, me)).toEqual({
      ok: false,
      error: { field: 'name', message: 'admin:errors.notFound' },
    })
    expect(updateUser(me.id, { name: 'Ane', role: 'viewer', locale: 'en' }, me)).toEqual({
      ok: false,
      error: { field: 'role', message: 'admin:users.errors.selfDemote' },
    })
    expect(updateUser(me.id, { name: 'Ane Admin', role: 'admin', locale: 'en' }, me)).toEqual({
      ok: true,
      value: me.id,
    })
  })

  it('resets a password, audited without the hash, ending the user’s sessions', async () => {
    const id = await created('petra@brno.cz', 'Petra')
    const hashBefore = row(id).passwordHash
    db.insert(sessions)
      .values({ id: 'petra-session', userId: id, expiresAt: '2999-01-01T00:00:00.000Z' })
      .run()
    expect(await resetPassword(id, 'nové-heslo-123', demo.admin())).toBe(true)
    expect(row(id).passwordHash).not.toBe(hashBefore)
    const audit = lastAudit('user', id)
    expect(audit).toMatchObject({
      entity: 'user',
      action: 'update',
      summary: 'petra@brno.cz: password reset',
    })
    expect(audit.after).toEqual({ password: '••••' })
    expect(db.select().from(sessions).where(eq(sessions.userId, id)).all()).toEqual([])
    expect(await resetPassword(999_999, 'nové-heslo-123', demo.admin())).toBe(false)
  })
})

describe('deactivating users', () => {
  it('deactivates (ending sessions) and reactivates with audit rows, once each', async () => {
    const id = await created('mikel@donostia.eus', 'Mikel')
    db.insert(sessions)
      .values({ id: 'mikel-session', userId: id, expiresAt: '2999-01-01T00:00:00.000Z' })
      .run()
    expect(setUserActive(id, false, demo.admin())).toEqual({ ok: true, value: id })
    const at = row(id).deactivatedAt
    expect(at).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(db.select().from(sessions).where(eq(sessions.userId, id)).all()).toEqual([])
    const off = lastAudit('user', id)
    expect(off).toMatchObject({ action: 'status', summary: 'mikel@donostia.eus: deactivated' })
    expect(off.before).toEqual({ deactivatedAt: null })
    expect(off.after).toEqual({ deactivatedAt: at })
    const audits = auditCount()
    expect(setUserActive(id, false, demo.admin())).toEqual({ ok: true, value: id })
    expect(auditCount()).toBe(audits)
    db.insert(sessions).values({ id: 'mikel-new', userId: id, expiresAt: '2999-01-01T00:00:00.000Z' }).run()
    expect(setUserActive(id, true, demo.admin())).toEqual({ ok: true, value: id })
    expect(db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, id)).all()).toEqual([
      { id: 'mikel-new' },
    ])
    const on = lastAudit('user', id)
    expect(on).toMatchObject({ action: 'status', summary: 'mikel@donostia.eus: reactivated' })
    expect(on.before).toEqual({ deactivatedAt: at })
    expect(on.after).toEqual({ deactivatedAt: null })
    expect(row(id).deactivatedAt).toBeNull()
  })

  it('refuses an administrator’s own deactivation and a missing user', () => {
    const me = demo.admin()
    expect(setUserActive(me.id, false, me)).toEqual({
      ok: false,
      error: { field: 'intent', message: 'admin:users.errors.selfDeactivate' },
    })
    expect(setUserActive(999_999, false, me)).toEqual({
      ok: false,
      error: { field: 'intent', message: 'admin:errors.notFound' },
    })
    expect(setUserActive(me.id, true, me)).toEqual({ ok: true, value: me.id })
  })
})

describe('the user list', () => {
  it('reads its filters from the URL, ignoring empty and malformed values', () => {
    expect(
      userFilterFromUrl(
        new URL('https://r.test/admin/users?q=%20%C5%81%C3%B3d%C5%BA%20&role=partner&partner=abc&status=odd'),
      ),
    ).toStrictEqual({
      q: 'Łódź',
      role: 'partner',
      partner: undefined,
      status: 'active',
    })
    expect(
      userFilterFromUrl(new URL('https://r.test/admin/users?q=&role=&partner=4&status=all')),
    ).toStrictEqual({
      partner: 4,
      status: 'all',
    })
  })

  it('filters by text (wildcards literal), role, partner and status, by name, with the total', async () => {
    const p = partner('Gasteizko Udala')
    const a = await created('a@eibar.eus', 'Zz Aitor 100%', { role: 'partner', partnerId: p })
    const b = await created('b@eibar.eus', 'Zz Bego', { role: 'partner', partnerId: p })
    const c = await created('c@eibar.eus', 'Zz Ciro')
    setUserActive(c, false, demo.admin())
    const page = { limit: 50, offset: 0 }
    const ids = (f: Parameters<typeof listUsers>[0], pg = page) => listUsers(f, pg).rows.map((r) => r.id)
    expect(ids({ q: '100%' })).toEqual([a])
    expect(ids({ q: '_' })).toEqual([])
    expect(ids({ q: 'EIBAR.EUS' })).toEqual([a, b])
    expect(ids({ q: 'eibar', status: 'all' })).toEqual([a, b, c])
    expect(ids({ q: 'eibar', status: 'inactive' })).toEqual([c])
    expect(ids({ partner: p, role: 'partner' })).toEqual([a, b])
    expect(ids({ q: 'eibar', role: 'viewer', status: 'all' })).toEqual([c])
    expect(listUsers({ q: 'eibar', status: 'all' }, { limit: 1, offset: 1 })).toEqual({
      rows: [{ ...getUser(b) }],
      total: 3,
    })
    expect(Object.keys(listUsers({}, page).rows[0])).not.toContain('passwordHash')
    expect(getUser(999_999)).toBeNull()
  })

  it('offers every user, by name, as a choice', () => {
    const all = db.select({ id: users.id, name: users.name, email: users.email }).from(users).all()
    const choices = userChoices()
    expect(choices).toHaveLength(all.length)
    expect(new Set(choices)).toEqual(new Set(all))
    expect(choices.map((u) => u.name)).toEqual(
      all.map((u) => u.name).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)),
    )
  })
})

/** A ustar header's checksum: the byte sum with the checksum field read as spaces. */
function checksumOk(header: Buffer) {
  const copy = Buffer.from(header)
  copy.fill(' ', 148, 156)
  const sum = copy.reduce((total, byte) => total + byte, 0)
  return header.subarray(148, 156).toString() === `${sum.toString(8).padStart(6, '0')}\0 `
}

describe('backups', () => {
  it('packs a copy of the database in a tar archive and audits the download', async () => {
    const archive = await backupDatabase(demo.admin())
    try {
      const tar = fs.readFileSync(archive)
      expect(path.basename(archive)).toBe('ripple-backup.tar')
      expect(tar.subarray(0, 9).toString()).toBe('ripple.db')
      expect(tar.subarray(257, 263).toString()).toBe('ustar\0')
      expect(tar.subarray(100, 108).toString()).toBe('0000644\0')
      expect(tar.subarray(156, 157).toString()).toBe('0')
      expect(checksumOk(tar.subarray(0, 512))).toBe(true)
      const size = parseInt(tar.subarray(124, 135).toString(), 8)
      const folder = 512 + Math.ceil(size / 512) * 512
      expect(tar.subarray(folder, folder + 9).toString()).toBe('evidence/')
      expect(tar.subarray(folder + 156, folder + 157).toString()).toBe('5')
      expect(tar.subarray(folder + 100, folder + 108).toString()).toBe('0000755\0')
      expect(checksumOk(tar.subarray(folder, folder + 512))).toBe(true)
      expect(tar.length).toBe(folder + 512 + 1024)
      expect(tar.subarray(512, 528).toString()).toBe('SQLite format 3\0')
      const audit = lastAudit('backup')
      expect(audit).toMatchObject({ action: 'create', entityId: null, summary: 'database backup downloaded' })
      expect(audit.after).toEqual({ bytes: tar.length, evidenceFiles: 0 })
    } finally {
      fs.rmSync(path.dirname(archive), { recursive: true, force: true })
    }
    expect(databaseFileName()).toBe(process.env.DATABASE_URL!.replace(/^file:/, ''))
    expect(evidenceFolderName()).toBe(path.join(path.dirname(path.resolve(databaseFileName())), 'evidence'))
  })
})

describe('the tar writer', () => {
  it('pads a file’s data to whole 512-byte blocks', () => {
    const dir = fs.mkdtempSync(path.join(path.dirname(databaseFileName()), 'tar-'))
    try {
      const source = path.join(dir, 'note.txt')
      fs.writeFileSync(source, 'Łódź')
      const archive = path.join(dir, 'out.tar')
      const fd = fs.openSync(archive, 'w')
      writeTarFile(fd, 'evidence/note.txt', source)
      endTar(fd)
      fs.closeSync(fd)
      const tar = fs.readFileSync(archive)
      expect(tar.length).toBe(512 + 512 + 1024)
      expect(parseInt(tar.subarray(124, 135).toString(), 8)).toBe(7)
      expect(tar.subarray(512, 519).toString()).toBe('Łódź')
      expect(tar.subarray(519, 2048).every((byte) => byte === 0)).toBe(true)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
