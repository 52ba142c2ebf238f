import { describe, expect, it } from 'vitest'

import { sqlite } from '#db/client'

import { useTestApp } from './app'

/**
 * Large imports: a file beyond the column or row cap is refused at upload with a message naming
 * the cap, and while a large file is previewed and written other requests keep being answered.
 */
const app = useTestApp()

function upload(name: string, content: string) {
  const form = new FormData()
  form.append('file', new Blob([content]), name)
  return app.post('/actions/import', form, { as: 'partner' })
}

const count = (sql: string) => (sqlite().prepare(sql).get() as { n: number }).n

/** An actions CSV of `rows` valid, distinct rows. */
function actionsCsv(rows: number) {
  const types = ['Webinar', 'Newsletter', 'Press article or release', 'Social media post']
  const lines = ['title,date,type,participants']
  for (let i = 0; i < rows; i++)
    lines.push(`Large import action ${i},${(i % 28) + 1}/${(i % 12) + 1}/2025,${types[i % 4]},${i % 300}`)
  return `${lines.join('\n')}\n`
}

/**
 * Asks /healthz again and again, one after the other, while `step` runs; returns how many answers
 * came back before the step finished.
 */
async function healthAnswersDuring(step: Promise<Response>) {
  let done = false
  const finished = step.then((r) => {
    done = true
    return r
  })
  let answered = 0
  while (!done) {
    const health = await app.fetch('/healthz')
    expect(health.status).toBe(200)
    if (!done) answered++
  }
  return { answered, response: await finished }
}

describe('the column and row caps', () => {
  it('refuses a file of more than 200 columns at upload, naming the cap', async () => {
    const header = Array.from({ length: 201 }, (_, i) => `column ${i + 1}`).join(',')
    const row = Array.from({ length: 201 }, (_, i) => `value ${i + 1}`).join(',')
    const jobs = count('select count(*) as n from import_jobs')
    const response = await upload('wide.csv', `${header}\n${row}\n`)
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('The file has more than 200 columns, the most Ripple imports.')
    expect(count('select count(*) as n from import_jobs')).toBe(jobs)
  })

  it('refuses a file of more than 20,000 rows at upload, naming the cap', async () => {
    const jobs = count('select count(*) as n from import_jobs')
    const response = await upload('long.csv', actionsCsv(20_001))
    expect(response.status).toBe(400)
    expect(await response.text()).toContain(
      'The file has more than 20,000 rows, the most Ripple imports at once. Split it into files of up to 20,000 rows',
    )
    expect(count('select count(*) as n from import_jobs')).toBe(jobs)
  })
})

describe('a large import', () => {
  it('lets /healthz answer while its preview and its write run, and writes every row once', async () => {
    const rows = 20_000
    const uploaded = await upload('large.csv', actionsCsv(rows))
    expect(uploaded.status, await uploaded.clone().text()).toBe(302)
    const base = uploaded.headers.get('location')!.replace(/\/map$/, '')

    const data = `?_data=${encodeURIComponent('routes/actions.import.$jobId.preview')}`
    const preview = await healthAnswersDuring(app.fetch(`${base}/preview${data}`, { as: 'partner' }))
    expect(preview.response.status).toBe(200)
    expect(await preview.response.json()).toMatchObject({ total: rows, valid: rows, toCreate: rows })
    expect(preview.answered).toBeGreaterThanOrEqual(3)

    const actions = count('select count(*) as n from actions')
    const write = await healthAnswersDuring(
      app.post(
        `${base}/preview`,
        { mode: 'all', defaultDecision: 'skip', intent: 'write' },
        { as: 'partner' },
      ),
    )
    expect(write.response.status).toBe(302)
    expect(write.response.headers.get('location')).toBe(`${base}/report`)
    expect(write.answered).toBeGreaterThanOrEqual(3)
    expect(count('select count(*) as n from actions')).toBe(actions + rows)
  }, 120_000)
})
