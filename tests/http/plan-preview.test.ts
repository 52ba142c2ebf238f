import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { useTestApp } from './app'

/* Issue 17 point 9: the plan editor's preview (without JavaScript: the "Preview" button) and versions. */

const app = useTestApp()
const count = (sql: string) => (sqlite().prepare(sql).get() as { n: number }).n
const versions = () =>
  count(
    `select count(*) as n from plan_section_versions v join plan_sections s on s.id = v.section_id where s.key = 'messages'`,
  )

describe('plan editor preview over HTTP', () => {
  it('shows the current text rendered beside the editor', async () => {
    const html = await (await app.fetch('/plan/messages', { as: 'comms' })).text()
    expect(html).toContain('data-testid="live-preview"')
    expect(html).toContain('name="intent" value="preview"')
  })

  it('re-renders the form with the sanitised preview and the text kept, saving nothing', async () => {
    const before = versions()
    const body =
      '## Mensajes clave\n\n- **Zażółć** gęślą jaźń — Καλημέρα\n\n<script>alert(1)</script> [x](javascript:alert(1))'
    const response = await app.post('/plan/messages', { intent: 'preview', body }, { as: 'comms' })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h2>Mensajes clave</h2>')
    expect(html).toContain('<strong>Zażółć</strong>')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toMatch(/href="javascript:/i)
    // The text comes back in the textarea, escaped.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(versions()).toBe(before)
  })

  it('refuses a preview to those who may not edit the plan', async () => {
    for (const as of ['partner', 'viewer'] as const)
      expect((await app.post('/plan/messages', { intent: 'preview', body: 'x' }, { as })).status, as).toBe(
        403,
      )
    expect(
      (await app.post('/plan/messages', { intent: 'preview', body: 'x'.repeat(100_001) }, { as: 'comms' }))
        .status,
    ).toBe(400)
  })

  it('keeps a version per save with who and when, and restores one with an audit entry', async () => {
    const before = versions()
    expect(
      (await app.post('/plan/messages', { intent: 'save', body: 'Primera versión' }, { as: 'comms' })).status,
    ).toBe(302)
    expect(
      (await app.post('/plan/messages', { intent: 'save', body: 'Druga wersja' }, { as: 'comms' })).status,
    ).toBe(302)
    expect(versions()).toBe(before + 2)
    const first = count(`select id as n from plan_section_versions where body = 'Primera versión'`)
    const view = await (await app.fetch(`/plan/messages?history=1&version=${first}`, { as: 'viewer' })).text()
    expect(view).toContain('Primera versión')
    expect(view).toContain('Lucía Moreno')
    const audits = count(`select count(*) as n from audit_log where entity = 'plan_section'`)
    expect(
      (await app.post('/plan/messages', { intent: 'restore', versionId: String(first) }, { as: 'comms' }))
        .status,
    ).toBe(302)
    expect(count(`select count(*) as n from audit_log where entity = 'plan_section'`)).toBe(audits + 1)
    expect(
      (sqlite().prepare(`select body from plan_sections where key = 'messages'`).get() as { body: string })
        .body,
    ).toBe('Primera versión')
  })
})
