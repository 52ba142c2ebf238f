import { describe, expect, it } from 'vitest'

import { findDuplicateGroups } from '~/models/stakeholders/index.server'

import { useTestApp } from './app'

/* Issue 17 point 7: "Not duplicates" and "Undo" on /stakeholders/duplicates, role by role. */

const app = useTestApp()

describe('duplicates that are not, over HTTP', () => {
  it('dismisses a group, lists it with Undo, and proposes it again after Undo', async () => {
    const group = findDuplicateGroups().groups.find(
      (g) => g.reason === 'name' && g.key === 'universidad de deusto',
    )!
    const form = { intent: 'dismiss', reason: group.reason, key: group.key, ids: group.ids.join(',') }
    for (const as of ['partner', 'viewer'] as const)
      expect((await app.post('/stakeholders/duplicates', form, { as })).status, as).toBe(403)
    const changed = await app.post(
      '/stakeholders/duplicates',
      { ...form, ids: `${group.ids[0]},999999` },
      { as: 'comms' },
    )
    expect(changed.status).toBe(400)
    expect(await changed.text()).toContain('This group has changed')
    for (const bad of [
      { ...form, reason: 'x' },
      { ...form, ids: '1' },
      { ...form, ids: '<script>' },
    ])
      expect((await app.post('/stakeholders/duplicates', bad, { as: 'comms' })).status).toBe(400)
    const done = await app.post('/stakeholders/duplicates', form, { as: 'comms' })
    expect(done.status).toBe(302)
    expect(done.headers.get('location')).toBe('/stakeholders/duplicates?dismissed=1')
    const page = await (await app.fetch('/stakeholders/duplicates?dismissed=1', { as: 'comms' })).text()
    expect(page).toContain('Marked as not duplicates')
    expect(page).toMatch(/Same name(<!-- -->)?: (<!-- -->)?universidad de deusto/)
    expect(page).toContain('name="dismissalId"')
    const dismissalId = /name="dismissalId" value="(\d+)"/.exec(page)![1]
    expect(
      findDuplicateGroups().groups.some((g) => g.key === 'universidad de deusto' && g.reason === 'name'),
    ).toBe(false)
    expect(
      (await app.post('/stakeholders/duplicates', { intent: 'undo', dismissalId }, { as: 'partner' })).status,
    ).toBe(403)
    expect(
      (await app.post('/stakeholders/duplicates', { intent: 'undo', dismissalId }, { as: 'comms' })).status,
    ).toBe(302)
    expect(
      (await app.post('/stakeholders/duplicates', { intent: 'undo', dismissalId }, { as: 'comms' })).status,
    ).toBe(404)
    expect(
      (await app.post('/stakeholders/duplicates', { intent: 'undo', dismissalId: 'x' }, { as: 'comms' }))
        .status,
    ).toBe(400)
    expect(
      findDuplicateGroups().groups.some((g) => g.key === 'universidad de deusto' && g.reason === 'name'),
    ).toBe(true)
    const forAdmin = await (await app.fetch('/stakeholders/duplicates', { as: 'admin' })).text()
    expect(forAdmin).toContain('>Not duplicates<')
  })
})
