import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { themes } from '#db/schema'
import { addTheme, listThemes, renameTheme, setThemeArchived } from '~/models/admin/index.server'

import { actorFor } from '../setup/actors'
import { lastAudit } from '../setup/audit'

const admin = () => actorFor('admin@demo.ripple')
const duplicate = { ok: false, error: { field: 'name', message: 'admin:themes.errors.duplicate' } }

function added(name: string): number {
  const result = addTheme(name, admin())
  if (!result.ok) throw new Error(`addTheme(${name}) failed: ${result.error.message}`)
  return result.value
}

describe('theme names are unique whatever their case and accents, in every alphabet', () => {
  it('refuses a new theme whose name differs from another only in case or accents', () => {
    added('Zrównoważona mobilność')
    added('Κυκλική οικονομία')
    added('Čisté město')
    expect(addTheme('ZRÓWNOWAŻONA MOBILNOŚĆ', admin())).toEqual(duplicate)
    expect(addTheme('ΚΥΚΛΙΚΗ ΟΙΚΟΝΟΜΙΑ', admin())).toEqual(duplicate)
    expect(addTheme('ČISTÉ MĚSTO', admin())).toEqual(duplicate)
    expect(addTheme('Ciste mesto', admin())).toEqual(duplicate)
    const count = (name: string) => listThemes().filter((t) => t.name.toLowerCase() === name).length
    expect(count('zrównoważona mobilność')).toBe(1)
  })

  it('adds a theme whose name is new, with its audit row', () => {
    const id = added('Hiri-berrikuntza Donostian')
    expect(db.select({ name: themes.name }).from(themes).where(eq(themes.id, id)).get()).toEqual({
      name: 'Hiri-berrikuntza Donostian',
    })
    const audit = lastAudit('theme', id)
    expect(audit.action).toBe('create')
  })

  it('lets a theme be renamed to its own name in another case, but not to another theme’s name', () => {
    const id = added('Târgu Mureș verde')
    const other = added('Spații publice')
    expect(renameTheme(id, 'TÂRGU MUREȘ VERDE', admin())).toEqual({ ok: true, value: id })
    expect(renameTheme(id, 'SPAȚII PUBLICE', admin())).toEqual(duplicate)
    expect(db.select({ name: themes.name }).from(themes).where(eq(themes.id, id)).get()?.name).toBe(
      'TÂRGU MUREȘ VERDE',
    )
    expect(other).not.toBe(id)
  })

  it('counts an archived theme too: restoring it must not make two of one name', () => {
    const id = added('Ενέργεια πόλης')
    setThemeArchived(id, true, admin())
    expect(addTheme('ΕΝΈΡΓΕΙΑ ΠΌΛΗΣ', admin())).toEqual(duplicate)
  })
})
