import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { auditLog, users } from '#db/schema'
import {
  getPlanSection,
  listPlanSections,
  listSectionVersions,
  restoreSectionVersion,
  savePlanSection,
} from '~/models/plan/index.server'
import { renderMarkdown } from '~/utils/markdown.server'

describe('renderMarkdown', () => {
  it('keeps formatting and safe links', () => {
    const html = renderMarkdown(
      '# Purpose\n\n**Cities** share [the plan](https://example.eu/plan).\n\n- one\n- two',
    )
    expect(html).toContain('<h1>Purpose</h1>')
    expect(html).toContain('<strong>Cities</strong>')
    expect(html).toContain('href="https://example.eu/plan"')
    expect(html).toContain('<li>one</li>')
  })

  it('shows a <script> tag inert: the element never reaches the page', () => {
    const html = renderMarkdown(
      'Hello <script>alert("x")</script> world\n\n<script src="https://evil.example/x.js"></script>',
    )
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toContain('alert("x")')
    expect(html).toContain('Hello')
  })

  it('drops javascript: links in every spelling, and event handlers', () => {
    const html = renderMarkdown(
      '[click](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">two</a> <a href=" javascript:alert(3)">three</a> [four](data:text/html,<b>x</b>) <img src="x.png" onerror="alert(4)"> <p onclick="alert(5)">p</p>',
    )
    expect(html).not.toMatch(/javascript:/i)
    expect(html).not.toMatch(/data:text/i)
    expect(html).not.toMatch(/onerror|onclick/i)
    expect(html).toContain('click')
  })
})

describe('plan sections and their versions', () => {
  const comms = () => db.select().from(users).where(eq(users.email, 'comms@demo.ripple')).get()!

  it('keeps a version on every save, with who saved it, and restores an old one as a new version', () => {
    const user = comms()
    const before = listSectionVersions('methods').length
    db.transaction((tx) => savePlanSection(tx, 'methods', 'First text', user))
    db.transaction((tx) => savePlanSection(tx, 'methods', 'Second text', user))
    // Saving the same text again is not a new version.
    expect(db.transaction((tx) => savePlanSection(tx, 'methods', 'Second text', user))).toEqual({
      changed: false,
    })
    const versions = listSectionVersions('methods')
    expect(versions.length).toBe(before + 2)
    expect(versions[0]).toMatchObject({ body: 'Second text', userName: user.name })
    const first = versions.find((v) => v.body === 'First text')!
    db.transaction((tx) => restoreSectionVersion(tx, 'methods', first.id, user))
    expect(getPlanSection('methods')?.body).toBe('First text')
    const after = listSectionVersions('methods')
    expect(after.length).toBe(before + 3)
    expect(after[0].body).toBe('First text')
    const audits = db.select().from(auditLog).where(eq(auditLog.entity, 'plan_section')).all()
    expect(audits.some((a) => a.summary?.includes('restored'))).toBe(true)
  })

  it('lists the eight parts in order, rendered safely', () => {
    const user = comms()
    db.transaction((tx) =>
      savePlanSection(tx, 'purpose', 'Safe <script>alert(1)</script> [x](javascript:alert(1))', user),
    )
    const sections = listPlanSections()
    expect(sections.map((s) => s.key)).toEqual([
      'purpose',
      'situation',
      'objectives',
      'stakeholders',
      'messages',
      'methods',
      'work_plan',
      'evaluation',
    ])
    expect(sections[0].html).not.toMatch(/<script|javascript:/i)
  })
})

describe('shared form lists mirror the schema', () => {
  it('keeps plan-forms.ts in step with db/schema', async () => {
    const schema = await import('#db/schema')
    const forms = await import('~/models/plan/schemas')
    expect(forms.targetMetricList).toEqual(schema.targetMetrics)
    expect(forms.targetPeriodKindList).toEqual(schema.targetPeriodKinds)
    expect(forms.targetBreakdownList).toEqual(schema.targetBreakdowns)
    expect(forms.eventKindList).toEqual(schema.eventKinds)
    expect(forms.activityPhaseList).toEqual(schema.activityPhases)
    expect(forms.materialKindList).toEqual(schema.materialKinds)
    expect(forms.stageList).toEqual(schema.stages)
    expect(forms.scaleList).toEqual(schema.scales)
    expect(forms.tierList).toEqual(schema.tiers)
    expect(forms.indicatorCodeList).toEqual(schema.indicatorCodes)
  })
})

describe('programme indicators', () => {
  it('counts cross-border events of mapped kinds and participations without double counting', async () => {
    const { sqlite } = await import('#db/client')
    const { computeIndicators } = await import('~/models/plan/index.server')
    const s = sqlite()
    const typeId = (key: string) =>
      (s.prepare('select id from action_types where key = ?').get(key) as { id: number }).id
    const partnerId = (s.prepare('select min(id) as id from partners').get() as { id: number }).id
    const event = (kind: string, crossBorder: number, attendance: number) =>
      Number(
        s
          .prepare(
            `insert into events (kind, title, start_date, cross_border, attendance, online) values (?, ?, '2031-05-05', ?, ?, 1)`,
          )
          .run(kind, `${kind} ${crossBorder}`, crossBorder, attendance).lastInsertRowid,
      )
    const webinar = event('webinar', 1, 40)
    event('webinar', 0, 500) // not across borders: never counts
    event('partner_meeting', 1, 25) // RCO81 only (internal meeting, not a public event)
    const action = (type: string, status: string, participants: number, eventId: number | null) =>
      s
        .prepare(
          `insert into actions (partner_id, date, month, type_id, title, status, participants, event_id) values (?, '2031-05-06', '2031-05', ?, 'x', ?, ?, ?)`,
        )
        .run(partnerId, typeId(type), status, participants, eventId)
    action('webinar', 'validated', 30, webinar) // at an event already counted by its attendance
    action('presentation', 'validated', 12, null)
    action('presentation', 'returned', 99, null)
    action('social_post', 'validated', 1000, null) // type not mapped
    const [rco115, rco81] = computeIndicators({ from: '2031-01-01', to: '2031-12-31' })
    expect(rco115.value).toBe(1)
    expect(rco115.items.map((i) => i.id)).toEqual([webinar])
    expect(rco81.value).toBe(40 + 25 + 12)
    expect(rco81.items.filter((i) => i.kind === 'action').map((i) => i.contribution)).toEqual([12])
  })
})
