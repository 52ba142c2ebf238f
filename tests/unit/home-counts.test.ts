import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'
import { homeCounts, navBadges } from '~/models/dashboards/index.server'

import { demo } from '../setup/actors'
import { insertAction, insertRow, insertStakeholder } from '../setup/dashboard-world'

/** The home page's figures (live records only) and the review queue's badge. */
const archived = { archived_at: '2035-01-01T00:00:00.000Z' }
const keyed = (table: string, key: string) =>
  (sqlite().prepare(`select id from ${table} where key = ?`).get(key) as { id: number }).id

describe('the home page figures', () => {
  it('counts live actions, stakeholders and partners, never archived ones', () => {
    const before = homeCounts()
    const partner = insertRow('partners', { name: 'Gasteizko Udala', country: 'ES' })
    insertRow('partners', { name: 'Urząd Miasta Łodzi', country: 'PL', ...archived })
    insertStakeholder('Čeněk Šťastný', keyed('stakeholder_categories', 'university'), partner)
    const action = { partner, type: keyed('action_types', 'webinar'), channel: null, date: '2035-02-01' }
    insertAction(action)
    const old = insertAction(action)
    sqlite().prepare('update actions set archived_at = ? where id = ?').run(archived.archived_at, old)
    expect(homeCounts()).toEqual({
      actions: before.actions + 1,
      stakeholders: before.stakeholders + 1,
      partners: before.partners + 1,
    })
  })

  it('badges the review queue only while something waits', () => {
    const waiting = (
      sqlite()
        .prepare(`select count(*) as n from actions where status = 'submitted' and archived_at is null`)
        .get() as { n: number }
    ).n
    expect(waiting).toBeGreaterThan(0)
    expect(navBadges(demo.comms())).toEqual({ '/actions/review': waiting })
    sqlite().prepare(`update actions set status = 'validated' where status = 'submitted'`).run()
    expect(navBadges(demo.comms())).toEqual({})
    expect(navBadges(demo.admin())).toEqual({})
  })
})
