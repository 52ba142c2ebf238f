/**
 * Benchmark tasks that write (import, duplicate scan, the write path), run in a child process against a copy of
 * the dataset so the main dataset stays unchanged. Prints one JSON line.
 */
import { readFixture } from '#tests/setup/fixtures'

import { measure } from './stats'

const task = process.argv[2]

if (task === 'import-universities') {
  const buffer = readFixture('universities', 'world_universities_and_domains.json')
  const importer = await import('~/models/imports/index.server')
  const { sqlite } = await import('#db/client')
  const actor = sqlite()
    .prepare(`select id, role, partner_id as partnerId from users where email = 'comms@demo.ripple'`)
    .get() as { id: number; role: 'comms'; partnerId: null }
  const before = (sqlite().prepare('select count(*) as n from stakeholders').get() as { n: number }).n
  const t = performance.now()
  const report = await importer.importStakeholdersFromBuffer({
    buffer,
    fileName: 'world_universities_and_domains.json',
    actor,
  })
  const ms = performance.now() - t
  const after = (sqlite().prepare('select count(*) as n from stakeholders').get() as { n: number }).n
  console.log(JSON.stringify({ ms, created: after - before, report: summarizeReport(report) }))
} else if (task === 'import-greek-1253') {
  // 2,000 rows of a Greek portal's beneficiary list in Windows-1253, with bilingual headers and
  // line breaks inside quoted cells: detection, parsing and the preview, then the write.
  const iconv = (await import('iconv-lite')).default
  const importer = await import('~/models/imports/index.server')
  const { sqlite } = await import('#db/client')
  const actor = sqlite()
    .prepare(`select id, role, partner_id as partnerId from users where email = 'comms@demo.ripple'`)
    .get() as { id: number; role: 'comms'; partnerId: null }
  const categoryId = (
    sqlite().prepare(`select id from stakeholder_categories where key = 'local_authority'`).get() as {
      id: number
    }
  ).id
  const buffer = iconv.encode(greekBeneficiaries(2000), 'windows-1253')
  const fileName = 'dikaiouxoi-1253.csv'
  const options = { defaultCategoryId: categoryId, ownerPartnerId: null }
  let t = performance.now()
  const parsed = importer.parseUpload({ buffer, fileName })
  const summary = importer.previewStakeholderImport({ buffer, fileName, actor, options, parsed })
  const previewMs = performance.now() - t
  t = performance.now()
  const report = importer.importStakeholdersFromBuffer({ buffer, fileName, actor, options })
  const writeMs = performance.now() - t
  console.log(
    JSON.stringify({
      previewMs,
      writeMs,
      bytes: buffer.byteLength,
      encoding: parsed.format.encoding,
      rows: parsed.rows.length,
      valid: summary.valid,
      report: summarizeReport(report),
    }),
  )
} else if (task === 'duplicate-scan') {
  const duplicates = await import('~/models/stakeholders/index.server')
  let groups = 0
  const timing = await measure(
    () => {
      const result = duplicates.findDuplicateGroups() as unknown
      groups = Array.isArray(result) ? result.length : Number((result as { total?: number })?.total ?? 0)
    },
    { warmup: 1, runs: 5 },
  )
  console.log(JSON.stringify({ ...timing, groups }))
} else if (task === 'write-path') {
  // 20,000 actions logged one transaction each, as the quick form does, without HTTP: the
  // database's share of a request, with its checkpoints and full-text index merges.
  const { db } = await import('#db/client')
  const { createAction, rememberFormChoices } = await import('~/models/actions/index.server')
  const { users } = await import('#db/schema')
  const { eq } = await import('drizzle-orm')
  const u = db.select().from(users).where(eq(users.email, 'partner@demo.ripple')).get()!
  const user = {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    partnerId: u.partnerId,
    locale: u.locale,
  }
  const input = {
    partnerId: u.partnerId!,
    typeId: 1,
    channelId: 1,
    date: '2026-11-20',
    title: 'Write path: post about the project',
    languages: ['es'],
    onlineReach: 120,
    status: 'submitted' as const,
  }
  const write = () =>
    db.transaction((tx) => {
      createAction(tx, input, user)
      rememberFormChoices(tx, user.id, input)
    })
  for (let i = 0; i < 500; i++) write()
  const times: number[] = []
  for (let i = 0; i < 20_000; i++) {
    const t = performance.now()
    write()
    times.push(performance.now() - t)
  }
  const sorted = [...times].sort((a, b) => a - b)
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 1000) / 1000
  const total = times.reduce((a, b) => a + b, 0)
  console.log(
    JSON.stringify({
      runs: times.length,
      meanMs: Math.round((total / times.length) * 1000) / 1000,
      medianMs: at(0.5),
      p95Ms: at(0.95),
      p99Ms: at(0.99),
      maxMs: Math.round(sorted[sorted.length - 1]! * 10) / 10,
      over3ms: times.filter((x) => x > 3).length,
    }),
  )
} else {
  throw new Error(`Unknown task ${task}`)
}

function summarizeReport(report: unknown) {
  if (!report || typeof report !== 'object') return report
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(report))
    out[k] = Array.isArray(v) ? v.length : typeof v === 'object' ? undefined : v
  return out
}

/** A Greek beneficiaries list as the national portal exports it (CSV, semicolons, quoted notes). */
function greekBeneficiaries(rows: number) {
  const kinds = ['Δήμος', 'Περιφέρεια', 'Σύνδεσμος Δήμων', 'Επιμελητήριο', 'Αναπτυξιακή Εταιρεία']
  const places = [
    'Θεσσαλονίκης',
    'Πειραιά',
    'Πατρέων',
    'Ηρακλείου',
    'Λαρισαίων',
    'Βόλου',
    'Ιωαννιτών',
    'Καλαμάτας',
  ]
  const cities = ['Θεσσαλονίκη', 'Πειραιάς', 'Πάτρα', 'Ηράκλειο', 'Λάρισα', 'Βόλος', 'Ιωάννινα', 'Καλαμάτα']
  const lines = ['ΟΝΟΜΑΣΙΑ ΔΙΚΑΙΟΥΧΟΥ / BENEFICIARY NAME;ΠΟΛΗ / CITY;ΧΩΡΑ / COUNTRY;ΠΕΡΙΓΡΑΦΗ / DESCRIPTION']
  for (let i = 0; i < rows; i++) {
    const p = i % places.length
    const name = `${kinds[i % kinds.length]} ${places[p]} ${i + 1}`
    const note = `Πράξη ${i + 1}: «Βιώσιμη αστική κινητικότητα»\nΣυγχρηματοδότηση ΕΤΠΑ 80%;\nΠρόγραμμα «Κεντρική Μακεδονία»`
    lines.push(`"${name}";"${cities[p]}";GR;"${note}"`)
  }
  return lines.join('\r\n') + '\r\n'
}
