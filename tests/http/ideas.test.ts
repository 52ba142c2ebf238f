import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'

/* Issue 15 point 8: the co-creation board over HTTP, role by role. */

const app = useTestApp()

const row = <T>(sql: string, ...args: unknown[]) =>
  sqlite()
    .prepare(sql)
    .get(...args) as T
const newIdeaId = (title: string) => row<{ id: number }>('select id from ideas where title = ?', title).id

async function postIdea(as: DemoUser, title: string, column = 'partner') {
  return app.post('/ideas/new', { intent: 'save', column, title, body: 'Szczegóły' }, { as })
}

describe('co-creation board over HTTP', () => {
  it('shows the seeded board in two columns to every role, with filters in the URL', async () => {
    for (const as of ['admin', 'comms', 'partner', 'partner2', 'viewer'] satisfies DemoUser[]) {
      const response = await app.fetch('/ideas', { as })
      expect(response.status, as).toBe(200)
      const html = await response.text()
      expect(html).toContain('What we as a partner can do')
      expect(html).toContain('What the project should do')
      expect(html).toContain('Możemy zorganizować spacer badawczy')
      expect(html).toContain('Κοινή καμπάνια')
    }
    const filtered = await (await app.fetch('/ideas?column=project&status=closed', { as: 'viewer' })).text()
    expect(filtered).toContain('Un concurso de fotografía')
    expect(filtered).not.toContain('Możemy zorganizować')
    expect((await app.fetch('/ideas?column=%3Cscript%3E&partner=abc&page=-3', { as: 'viewer' })).status).toBe(
      200,
    )
  })

  it('lets partners post and refuses viewers; errors sit next to the field', async () => {
    expect((await app.fetch('/ideas/new', { as: 'viewer' })).status).toBe(403)
    expect((await postIdea('viewer', 'Nope')).status).toBe(403)
    const bad = await app.post(
      '/ideas/new',
      { intent: 'save', column: 'nonsense', title: '' },
      { as: 'partner' },
    )
    expect(bad.status).toBe(400)
    const response = await postIdea('partner2', 'Fotomaratón en Sants — ąęł')
    expect(response.status).toBe(302)
    const id = newIdeaId('Fotomaratón en Sants — ąęł')
    expect(response.headers.get('location')).toBe(`/ideas/${id}`)
    const page = await (await app.fetch(`/ideas/${id}`, { as: 'partner2' })).text()
    expect(page).toContain('Withdraw this proposal')
    expect(page).not.toContain('>Support<')
  })

  it('supports once, joins the working group, comments; the comms lead alone sees e-mails', async () => {
    await postIdea('partner2', 'Idea for support')
    const id = newIdeaId('Idea for support')
    for (let i = 0; i < 2; i++)
      expect((await app.post(`/ideas/${id}`, { intent: 'support' }, { as: 'partner' })).status).toBe(302)
    expect(row<{ n: number }>('select count(*) as n from idea_supports where idea_id = ?', id).n).toBe(1)
    expect((await app.post(`/ideas/${id}`, { intent: 'support' }, { as: 'viewer' })).status).toBe(403)
    expect((await app.post(`/ideas/${id}`, { intent: 'support' }, { as: 'partner2' })).status).toBe(403)
    expect((await app.post(`/ideas/${id}`, { intent: 'join' }, { as: 'partner' })).status).toBe(302)
    expect(
      (await app.post(`/ideas/${id}`, { intent: 'comment', body: 'Zgadzam się!' }, { as: 'partner' })).status,
    ).toBe(302)
    expect(
      (await app.post(`/ideas/${id}`, { intent: 'comment', body: '  ' }, { as: 'partner' })).status,
    ).toBe(400)
    expect((await app.post(`/ideas/${id}`, { intent: 'comment', body: 'x' }, { as: 'viewer' })).status).toBe(
      403,
    )
    const forViewer = await (await app.fetch(`/ideas/${id}`, { as: 'viewer' })).text()
    expect(forViewer).toContain('1 person from San Sebastián')
    expect(forViewer).toContain('Zgadzam się!')
    expect(forViewer).not.toContain('partner@demo.ripple')
    const forComms = await (await app.fetch(`/ideas/${id}`, { as: 'comms' })).text()
    expect(forComms).toContain('partner@demo.ripple')
    expect(forComms).toContain('Turn into a work-plan activity')
    expect((await app.post(`/ideas/${id}`, { intent: 'unsupport' }, { as: 'partner' })).status).toBe(302)
    expect((await app.post(`/ideas/${id}`, { intent: 'leave' }, { as: 'partner' })).status).toBe(302)
    expect((await app.post(`/ideas/${id}`, { intent: 'probe' }, { as: 'partner' })).status).toBe(400)
  })

  it('lets only the author edit and withdraw an open proposal', async () => {
    await postIdea('partner', 'Mine to edit')
    const id = newIdeaId('Mine to edit')
    expect((await app.fetch(`/ideas/${id}/edit`, { as: 'partner2' })).status).toBe(403)
    expect((await app.fetch(`/ideas/${id}/edit`, { as: 'comms' })).status).toBe(403)
    const edit = { intent: 'save', column: 'project', title: 'Mine, edited — Ελληνικά', body: '' }
    expect((await app.post(`/ideas/${id}/edit`, edit, { as: 'partner2' })).status).toBe(403)
    expect((await app.post(`/ideas/${id}/edit`, edit, { as: 'partner' })).status).toBe(302)
    expect(
      row<{ title: string; column: string }>('select title, "column" from ideas where id = ?', id),
    ).toEqual({
      title: 'Mine, edited — Ελληνικά',
      column: 'project',
    })
    expect((await app.post(`/ideas/${id}`, { intent: 'withdraw' }, { as: 'partner2' })).status).toBe(403)
    expect((await app.post(`/ideas/${id}`, { intent: 'withdraw' }, { as: 'partner' })).status).toBe(302)
    expect((await app.fetch(`/ideas/${id}/edit`, { as: 'partner' })).status).toBe(403)
  })

  it('lets the comms lead close with a reason or adopt as a linked work-plan activity', async () => {
    await postIdea('partner2', 'To adopt')
    await postIdea('partner2', 'To close')
    const adopt = newIdeaId('To adopt')
    const close = newIdeaId('To close')
    const adoptForm = { intent: 'adopt', title: 'Adopted activity', dueDate: '2027-04-30', partnerId: '' }
    expect((await app.post(`/ideas/${adopt}`, adoptForm, { as: 'partner' })).status).toBe(403)
    expect(
      (await app.post(`/ideas/${adopt}`, { ...adoptForm, dueDate: '2027-02-31' }, { as: 'comms' })).status,
    ).toBe(400)
    expect(
      (await app.post(`/ideas/${adopt}`, { ...adoptForm, partnerId: '999999' }, { as: 'comms' })).status,
    ).toBe(400)
    expect((await app.post(`/ideas/${adopt}`, adoptForm, { as: 'comms' })).status).toBe(302)
    const { activity_id: activityId } = row<{ activity_id: number }>(
      'select activity_id from ideas where id = ?',
      adopt,
    )
    const activityPage = await (await app.fetch(`/plan/workplan/${activityId}`, { as: 'viewer' })).text()
    expect(activityPage).toContain(`href="/ideas/${adopt}"`)
    expect(await (await app.fetch(`/ideas/${adopt}`, { as: 'viewer' })).text()).toContain(
      `/plan/workplan/${activityId}`,
    )
    expect((await app.post(`/ideas/${close}`, { intent: 'close', reason: '' }, { as: 'comms' })).status).toBe(
      400,
    )
    expect(
      (await app.post(`/ideas/${close}`, { intent: 'close', reason: 'x' }, { as: 'partner2' })).status,
    ).toBe(403)
    expect(
      (await app.post(`/ideas/${close}`, { intent: 'close', reason: 'Duplicado' }, { as: 'comms' })).status,
    ).toBe(302)
    expect(await (await app.fetch(`/ideas/${close}`, { as: 'partner' })).text()).toContain(
      'Closed: Duplicado',
    )
    expect((await app.fetch('/ideas/999999', { as: 'partner' })).status).toBe(404)
    expect((await app.post('/ideas/abc', { intent: 'support' }, { as: 'partner' })).status).toBe(404)
  })

  it('exports the filtered board as CSV for the comms lead only', async () => {
    for (const as of ['partner', 'viewer'] satisfies DemoUser[])
      expect((await app.fetch('/ideas.csv', { as })).status, as).toBe(403)
    const response = await app.fetch('/ideas.csv?column=partner', { as: 'comms' })
    expect(response.status).toBe(200)
    const csv = await response.text()
    expect(csv).toContain('Możemy zorganizować')
    expect(csv).not.toContain('Κοινή καμπάνια')
  })
})
