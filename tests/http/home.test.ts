import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { type DemoUser, useTestApp } from './app'

/** The home page per role: what needs doing for comms and admin, the month's figures for a viewer. */
const app = useTestApp()

const HOME_DATA = `/?_data=${encodeURIComponent('routes/_index')}`
const ROOT_DATA = `/?_data=root`

type Home = {
  kind: string
  month: string
  tasks: null | { key: string; count: number; href: string }[]
  headline: null | { key: string; value: number }[]
  partnerHome: unknown
}

async function home(as: DemoUser): Promise<Home> {
  const response = await app.fetch(HOME_DATA, { as })
  expect(response.status, as).toBe(200)
  return (await response.json()) as Home
}

const submitted = () =>
  (
    sqlite()
      .prepare("select count(*) as n from actions where status = 'submitted' and archived_at is null")
      .get() as { n: number }
  ).n

describe('the home page', () => {
  it('shows comms and admin the six counts, each linking to its filtered list', async () => {
    for (const as of ['comms', 'admin'] as const) {
      const h = await home(as)
      expect(h.kind, as).toBe('comms')
      expect(h.tasks?.map((t) => t.key)).toEqual([
        'awaitingValidation',
        'returned',
        'silentPartners',
        'overdueActivities',
        'targetsAtRisk',
        'tierAUnreached',
      ])
      expect(h.tasks?.[0]).toEqual({ key: 'awaitingValidation', count: submitted(), href: '/actions/review' })
      expect(h.headline).toBeNull()
      const html = await (await app.fetch('/', { as })).text()
      expect(html).toContain('What needs doing')
      expect(html).toContain('href="/actions?status=returned"')
      expect(html).toContain('href="/plan/targets?status=at_risk"')
      expect(html).toContain('href="/plan/workplan?state=overdue"')
    }
  })

  it('shows a viewer the month’s headline figures and links to both dashboards, not “My partner’s actions”', async () => {
    const h = await home('viewer')
    expect(h.kind).toBe('figures')
    expect(h.tasks).toBeNull()
    expect(h.headline?.map((x) => x.key)).toContain('actions')
    const html = await (await app.fetch('/', { as: 'viewer' })).text()
    expect(html).toContain(`href="/dashboard/reach?month=${h.month}"`)
    expect(html).toContain(`href="/dashboard/coverage?month=${h.month}"`)
    expect(html).not.toMatch(/>My partner(&#x27;|')s actions</)
  })

  it('keeps the partner’s own home and gives partners no counts', async () => {
    for (const as of ['partner', 'partner2'] as const) {
      const h = await home(as)
      expect(h.kind).toBe('partner')
      expect(h.tasks).toBeNull()
      expect(h.partnerHome).not.toBeNull()
    }
  })

  it('badges the review queue in the navigation for validators only', async () => {
    const badges = async (as: DemoUser) =>
      ((await (await app.fetch(ROOT_DATA, { as })).json()) as { badges: Record<string, number> }).badges
    const waiting = submitted()
    expect(waiting).toBeGreaterThan(0)
    expect(await badges('comms')).toEqual({ '/actions/review': waiting })
    expect(await badges('admin')).toEqual({ '/actions/review': waiting })
    expect(await badges('partner')).toEqual({})
    expect(await badges('viewer')).toEqual({})
    const html = await (await app.fetch('/actions', { as: 'comms' })).text()
    expect(html).toMatch(new RegExp(`Review queue<span class="badge[^"]*">${waiting}<span class="sr-only">`))
  })

  it('filters the targets list by status from the URL', async () => {
    const all = (await (
      await app.fetch(`/plan/targets?_data=${encodeURIComponent('routes/plan.targets._index')}`, {
        as: 'viewer',
      })
    ).json()) as { rows: { progress: { status: string } }[] }
    const atRisk = (await (
      await app.fetch(
        `/plan/targets?status=at_risk&_data=${encodeURIComponent('routes/plan.targets._index')}`,
        {
          as: 'viewer',
        },
      )
    ).json()) as { rows: { progress: { status: string } }[] }
    expect(atRisk.rows.every((r) => r.progress.status === 'at_risk')).toBe(true)
    expect(atRisk.rows.length).toBe(all.rows.filter((r) => r.progress.status === 'at_risk').length)
    expect((await app.fetch('/plan/targets?status=%3Cscript%3E', { as: 'viewer' })).status).toBe(200)
  })
})
