/**
 * `npm run bench:data`: a reproducible large dataset (fixed seed) for the benchmark:
 * 40 partners, 100,000 stakeholders with contacts, 1,000,000 actions over five years in every
 * status, type, channel and language, scores for most stakeholders, targets and events.
 *
 * It starts from the real demo seed (so categories, types, channels, criteria, plan and demo users
 * exist exactly as in production), then bulk-inserts through prepared statements into the tables
 * created by the real migrations, in one transaction per table.
 */
import fs from 'node:fs'
import path from 'node:path'

import { openSqlite } from '#db/client'
import { runMigrations } from '#db/migrate'
import { seedDemoIfEmpty } from '#db/seed/index'
import { createRandom } from '#db/seed/random'
import { readFixture } from '#tests/setup/fixtures'
import { contactSearchText } from '~/models/contacts/search-text'
import { nameKey, normalizeText } from '~/utils/text'

import { BENCH_DB, BENCH_SEED, dataset } from './dataset'

const started = performance.now()
const log = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`)

for (const suffix of ['', '-wal', '-shm']) fs.rmSync(BENCH_DB + suffix, { force: true })
fs.mkdirSync(path.dirname(BENCH_DB), { recursive: true })
process.env.DATABASE_URL = BENCH_DB

const sqlite = openSqlite(BENCH_DB)
sqlite.pragma('synchronous = OFF')
runMigrations(sqlite)
await seedDemoIfEmpty(sqlite)
log('migrated and seeded the demo project')

const random = createRandom(BENCH_SEED)

/**
 * Bulk loading: secondary indexes and the full-text triggers are dropped while rows go in and
 * recreated afterwards (building an index once over sorted data is far cheaper than keeping it
 * up to date row by row); the full-text tables are then rebuilt from their content tables.
 */
const bulkTables = [
  'stakeholders',
  'stakeholder_themes',
  'contacts',
  'actions',
  'action_languages',
  'action_stakeholders',
  'action_themes',
  'scores',
]
const deferred = sqlite
  .prepare(
    `select type, name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null
     and tbl_name in (${bulkTables.map(() => '?').join(',')})`,
  )
  .all(...bulkTables) as { type: string; name: string; sql: string }[]
for (const d of deferred) sqlite.exec(`drop ${d.type} "${d.name}"`)
log(`deferred ${deferred.length} indexes and triggers for the bulk load`)
const ids = (sql: string) => (sqlite.prepare(sql).all() as { id: number }[]).map((r) => r.id)

// Cities with their (often accented) names, from GeoNames (tests/fixtures/cities, the countries below).
const countryCodes: Record<string, string> = {
  Spain: 'ES',
  France: 'FR',
  Italy: 'IT',
  Portugal: 'PT',
  Poland: 'PL',
  Finland: 'FI',
  Germany: 'DE',
  Belgium: 'BE',
  Netherlands: 'NL',
  Sweden: 'SE',
  Greece: 'GR',
  Romania: 'RO',
  Croatia: 'HR',
  Czechia: 'CZ',
  Hungary: 'HU',
  Austria: 'AT',
  Denmark: 'DK',
  Ireland: 'IE',
  Slovenia: 'SI',
  Slovakia: 'SK',
  Lithuania: 'LT',
  Latvia: 'LV',
  Estonia: 'EE',
  Bulgaria: 'BG',
  Colombia: 'CO',
  Mexico: 'MX',
  Brazil: 'BR',
  Argentina: 'AR',
  Chile: 'CL',
}
const cities: { name: string; country: string }[] = []
for (const line of readFixture('cities', 'world-cities.csv').toString('utf8').split('\n').slice(1)) {
  const [name, country] = line.split(',')
  if (name && countryCodes[country] && !name.includes('"'))
    cities.push({ name, country: countryCodes[country] })
}
log(`${cities.length} cities loaded`)

const languagesByCountry: Record<string, string> = {
  ES: 'es',
  FR: 'fr',
  IT: 'it',
  PT: 'pt',
  PL: 'pl',
  FI: 'fi',
  DE: 'de',
  BE: 'fr',
  NL: 'nl',
  SE: 'sv',
  GR: 'el',
  RO: 'ro',
  HR: 'hr',
  CZ: 'cs',
  HU: 'hu',
  AT: 'de',
  DK: 'da',
  IE: 'en',
  SI: 'sl',
  SK: 'sk',
  LT: 'lt',
  LV: 'lv',
  EE: 'et',
  BG: 'bg',
  CO: 'es',
  MX: 'es',
  BR: 'pt',
  AR: 'es',
  CL: 'es',
}

// 1. Partners: the demo's 8 plus 32 more cities.
const existingPartners = ids('select id from partners')
const insertPartner = sqlite.prepare(
  `insert into partners (name, country, city, role, website) values (?, ?, ?, ?, ?)`,
)
sqlite.transaction(() => {
  for (let i = existingPartners.length; i < dataset.partners; i++) {
    const city = cities[(i * 97) % cities.length]
    insertPartner.run(
      `${city.name} City Council`,
      city.country,
      city.name,
      'partner',
      `https://www.${normalizeText(city.name).replace(/[^a-z]/g, '')}.eu`,
    )
  }
})()
const partnerIds = ids('select id from partners')
log(`${partnerIds.length} partners`)

// 2. Stakeholders with contacts and themes.
const categories = sqlite
  .prepare('select id, key from stakeholder_categories where archived_at is null')
  .all() as { id: number; key: string | null }[]
if (!categories.length) throw new Error('No stakeholder categories: the demo seed must create them first.')
const themeIds = ids('select id from themes')
const stages = ['identified', 'contacted', 'engaged', 'collaborating', 'dormant'] as const
const scales = ['local', 'regional', 'national', 'european', 'global'] as const
const patterns: Record<string, string[]> = {
  university: [
    'Universidad de {c}',
    'Université de {c}',
    'Università di {c}',
    'Universidade de {c}',
    'Uniwersytet w {c}',
    '{c} University of Applied Sciences',
    'Politécnica de {c}',
    'Hochschule {c}',
  ],
  interreg_project: ['{A} – Interreg Europe', 'Interreg {A} {c}', '{A} (Interreg Sudoe)'],
  urbact_network: ['URBACT {A} network', '{A} – URBACT Action Planning Network'],
  horizon_project: ['{A} (Horizon Europe)', '{A} – H2020 Smart Cities'],
  eu_funded_project: ['{A} (Erasmus+)', '{A} (LIFE programme)', '{A} (Creative Europe)'],
  city_network: [
    'Red de Ciudades {x}',
    'Réseau des villes {x}',
    'Association of {x} Cities',
    'Rete dei Comuni {x}',
  ],
  local_authority: [
    'Ayuntamiento de {c}',
    'Mairie de {c}',
    'Comune di {c}',
    'Câmara Municipal de {c}',
    'Urząd Miasta {c}',
    '{c} kaupunki',
  ],
  national_authority: [
    'Ministerio de Transición {x}',
    'Ministère de la Cohésion {x}',
    'Agência {x} de Coesão',
  ],
  eu_institution: ['Urban Agenda Partnership on {x}', 'European Committee of the Regions – {x}'],
  media: ['Diario de {c}', 'Radio {c}', 'Le Journal de {c}', 'Gazzetta di {c}', 'Gazeta {c}', '{c} Uutiset'],
  ngo: ['Fundación {x} {c}', 'Asociación Vecinal {c}', 'Association Citoyenne de {c}', 'Fondazione {x}'],
  business: ['{c} Innovation Hub', 'Clúster Creativo de {c}', '{x} Lab {c}'],
  citizen_group: ['Colectivo {x} de {c}', 'Collectif {x} {c}', 'Grupa obywatelska {c}'],
  other: ['{x} Observatory of {c}', 'Centro de Estudios {x}'],
}
const words = [
  'Creativa',
  'Sostenible',
  'Digital',
  'Verde',
  'Innovación',
  'Patrimonio',
  'Participación',
  'Cultura',
  'Energía',
  'Movilidad',
  'Resiliencia',
  'Economía Social',
  'Éducation',
  'Sociétal',
]
const acronymLetters = 'ABCDEFGHIJKLMNOPRSTUVZ'
const acronym = () =>
  Array.from({ length: random.int(3, 7) }, () => random.pick(acronymLetters.split(''))).join('')

const insertStakeholder = sqlite.prepare(`insert into stakeholders
  (name, acronym, category_id, programme, period, scale, country, city, website, web_domain, description, languages,
   owner_partner_id, stage, name_key, search_text, created_at, updated_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
const insertStakeholderTheme = sqlite.prepare(
  'insert or ignore into stakeholder_themes (stakeholder_id, theme_id) values (?, ?)',
)
const insertContact =
  sqlite.prepare(`insert into contacts (stakeholder_id, name, position, email, email_key, search_text, phone, languages, lawful_basis, basis_obtained_at, basis_source, do_not_contact)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
const firstNames = [
  'Ane',
  'Iñaki',
  'María José',
  'Jérôme',
  'Zoé',
  'Łukasz',
  'Małgorzata',
  'João',
  'Conceição',
  'Niccolò',
  'Chiara',
  'Väinö',
  'Aino',
  'Søren',
  'Ioana',
  'Dorotea',
]
const lastNames = [
  'Etxeberria',
  'Muñoz',
  'Peña',
  'Lefèvre',
  'Gagné',
  'Wiśniewski',
  'Żak',
  'Gonçalves',
  'Araújo',
  'Rossi',
  'Bianchi',
  'Mäkinen',
  'Virtanen',
  'Jørgensen',
  'Popescu',
  'Horvat',
]
const positions = [
  'Director',
  'Communications officer',
  'Project manager',
  'Researcher',
  'Head of international relations',
  'Journalist',
]

const existingStakeholders = (sqlite.prepare('select count(*) as n from stakeholders').get() as { n: number })
  .n
sqlite.transaction(() => {
  for (let i = existingStakeholders; i < dataset.stakeholders; i++) {
    const category = categories[i % categories.length]
    const city = random.pick(cities)
    const pattern = random.pick(patterns[category.key ?? 'other'] ?? patterns.other)
    const acr = acronym()
    // A number keeps generated names distinct enough; about 1% repeat on purpose (duplicates to find).
    const base = pattern.replace('{c}', city.name).replace('{A}', acr).replace('{x}', random.pick(words))
    const name = random.chance(0.01) ? base : `${base}${random.chance(0.5) ? '' : ` ${i}`}`
    const domainBase = normalizeText(`${acr}-${city.name}`).replace(/[^a-z0-9-]/g, '')
    const website = random.chance(0.85) ? `https://www.${domainBase}${i}.eu` : null
    const webDomain = website ? `${domainBase}${i}.eu` : null
    const funded = ['interreg_project', 'urbact_network', 'horizon_project', 'eu_funded_project'].includes(
      category.key ?? '',
    )
    const created = `${random.int(2022, 2026)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}T10:00:00.000Z`
    const info = insertStakeholder.run(
      name,
      random.chance(0.4) ? acr : null,
      category.id,
      funded
        ? random.pick(['Interreg Europe', 'URBACT IV', 'Horizon Europe', 'Erasmus+', 'Interreg Sudoe'])
        : null,
      funded ? random.pick(['2021-2027', '2014-2020']) : null,
      random.pick(scales),
      city.country,
      city.name,
      website,
      webDomain,
      null,
      JSON.stringify([languagesByCountry[city.country] ?? 'en']),
      random.chance(0.9) ? random.pick(partnerIds) : null,
      random.pick(stages),
      nameKey(name),
      normalizeText([name, random.chance(0.4) ? acr : '', city.name, webDomain ?? ''].join(' ')),
      created,
      created,
    )
    const id = Number(info.lastInsertRowid)
    for (const theme of random.some(themeIds, 0, 2)) insertStakeholderTheme.run(id, theme)
    if (random.chance(0.5)) {
      const first = random.pick(firstNames)
      const last = random.pick(lastNames)
      const email = webDomain
        ? `${normalizeText(first).replace(/[^a-z]/g, '')}.${normalizeText(last).replace(/[^a-z]/g, '')}@${webDomain}`
        : null
      insertContact.run(
        id,
        `${first} ${last}`,
        random.pick(positions),
        email,
        email?.toLowerCase() ?? null,
        contactSearchText({ name: `${first} ${last}`, email }),
        random.chance(0.5) ? `+34 6${random.int(10000000, 99999999)}` : null,
        JSON.stringify([languagesByCountry[city.country] ?? 'en']),
        random.pick(['consent', 'legitimate_interest', 'public_task']),
        created.slice(0, 10),
        'Met at a partner meeting',
        random.chance(0.03) ? 1 : 0,
      )
    }
  }
})()
const stakeholderIds = ids('select id from stakeholders')
log(`${stakeholderIds.length} stakeholders with contacts`)

// 3. Actions over five years in every status, type, channel and language.
const typeIds = ids('select id from action_types where archived_at is null')
const channelIds = ids('select id from channels where archived_at is null')
if (!typeIds.length || !channelIds.length)
  throw new Error('No action types or channels: the demo seed must create them first.')
const langs = ['en', 'es', 'fr', 'it', 'pt', 'pl', 'fi', 'de', 'eu', 'ca', 'nl']
const statuses = [
  ['validated', 0.7],
  ['submitted', 0.14],
  ['returned', 0.08],
  ['draft', 0.08],
] as const
const pickStatus = () => {
  let r = random.next()
  for (const [s, p] of statuses) {
    if ((r -= p) < 0) return s
  }
  return 'validated'
}
const months: string[] = []
for (let y = Number(dataset.firstMonth.slice(0, 4)); y <= Number(dataset.lastMonth.slice(0, 4)); y++)
  for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`)
const userIds = ids('select id from users')
const titles = [
  'Presentation at the city innovation forum',
  'LinkedIn post about the partner meeting',
  'Article in the local press',
  'Webinar on creative districts',
  'Talk at the university',
  'Newsletter feature',
  'Bilateral meeting with the regional agency',
  'Post on Mastodon about the policy clinic',
  'Video interview with the project team',
]
const insertAction =
  sqlite.prepare(`insert into actions (partner_id, created_by, date, month, type_id, channel_id, title, evidence_url, participants, online_reach, engagements, status, return_comment, submitted_at, validated_at, created_at, updated_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
const insertLanguage = sqlite.prepare(
  'insert or ignore into action_languages (action_id, language) values (?, ?)',
)
const insertReached = sqlite.prepare(
  'insert or ignore into action_stakeholders (action_id, stakeholder_id) values (?, ?)',
)
const insertActionTheme = sqlite.prepare(
  'insert or ignore into action_themes (action_id, theme_id) values (?, ?)',
)
const existingActions = (sqlite.prepare('select count(*) as n from actions').get() as { n: number }).n
const batch = 100_000
for (let start = existingActions; start < dataset.actions; start += batch) {
  sqlite.transaction(() => {
    for (let i = start; i < Math.min(dataset.actions, start + batch); i++) {
      const month = months[Math.floor(random.next() * months.length)]
      const date = `${month}-${String(random.int(1, 28)).padStart(2, '0')}`
      const status = pickStatus()
      const online = random.chance(0.55)
      const ts = `${date}T12:00:00.000Z`
      const info = insertAction.run(
        random.pick(partnerIds),
        random.pick(userIds),
        date,
        month,
        random.pick(typeIds),
        random.pick(channelIds),
        `${random.pick(titles)} #${i}`,
        online ? `https://example.org/post/${i}` : null,
        online ? null : random.int(5, 400),
        online ? random.int(50, 20000) : null,
        online ? random.int(0, 800) : null,
        status,
        status === 'returned' ? 'Please add the evidence link.' : null,
        status === 'draft' ? null : ts,
        status === 'validated' ? ts : null,
        ts,
        ts,
      )
      const id = Number(info.lastInsertRowid)
      for (const l of random.some(langs, 1, 2)) insertLanguage.run(id, l)
      const reached = random.int(0, 3)
      for (let k = 0; k < reached; k++)
        insertReached.run(id, stakeholderIds[Math.floor(random.next() * stakeholderIds.length)])
      if (random.chance(0.5)) insertActionTheme.run(id, random.pick(themeIds))
    }
  })()
  log(`${Math.min(dataset.actions, start + batch).toLocaleString('en')} actions`)
}

// 4. Scores for most stakeholders, then the materialised priorities through the app's own code.
const criterionIds = ids('select id from criteria where archived_at is null')
const insertScore = sqlite.prepare(
  'insert into scores (stakeholder_id, criterion_id, value, user_id, created_at) values (?, ?, ?, ?, ?)',
)
const alreadyScored = new Set(ids('select distinct stakeholder_id as id from scores'))
sqlite.transaction(() => {
  for (const id of stakeholderIds) {
    if (alreadyScored.has(id) || !random.chance(dataset.scoredShare)) continue
    for (const c of criterionIds)
      if (random.chance(0.9))
        insertScore.run(id, c, random.int(1, 5), userIds[1] ?? null, '2026-06-01T09:00:00.000Z')
  }
})()
log(
  `scores for ${(sqlite.prepare('select count(distinct stakeholder_id) as n from scores').get() as { n: number }).n} stakeholders`,
)

// 5. Targets per partner and events over the five years.
const insertTarget = sqlite.prepare(
  `insert into targets (label, metric, period_kind, period_start, period_end, breakdown, breakdown_value, value) values (?, ?, ?, ?, ?, ?, ?, ?)`,
)
const insertEvent = sqlite.prepare(
  `insert into events (kind, title, start_date, end_date, place, host_partner_id, registrations, attendance) values (?, ?, ?, ?, ?, ?, ?, ?)`,
)
sqlite.transaction(() => {
  for (const year of [2022, 2023, 2024, 2025, 2026]) {
    insertTarget.run(
      `Actions ${year}`,
      'actions',
      'reporting_period',
      `${year}-01-01`,
      `${year}-12-31`,
      null,
      null,
      150_000,
    )
    insertTarget.run(
      `Participants ${year}`,
      'participants',
      'reporting_period',
      `${year}-01-01`,
      `${year}-12-31`,
      null,
      null,
      8_000_000,
    )
    for (const p of partnerIds)
      insertTarget.run(
        null,
        'actions',
        'reporting_period',
        `${year}-01-01`,
        `${year}-12-31`,
        'partner',
        String(p),
        3_800,
      )
  }
  for (let i = 0; i < 400; i++) {
    const month = random.pick(months)
    insertEvent.run(
      random.pick(['partner_meeting', 'policy_clinic', 'webinar', 'conference', 'site_visit']),
      `Event ${i}`,
      `${month}-10`,
      `${month}-11`,
      random.pick(cities).name,
      random.pick(partnerIds),
      random.int(20, 300),
      random.int(10, 250),
    )
  }
})()
log('targets and events')

// Links carry their stakeholder's category (kept by a trigger, dropped during the bulk load).
if (
  sqlite.prepare(`select 1 from pragma_table_info('action_stakeholders') where name = 'category_id'`).get()
) {
  sqlite.exec(
    `update action_stakeholders set category_id = (select s.category_id from stakeholders s where s.id = action_stakeholders.stakeholder_id)`,
  )
  log('link categories')
}
for (const d of deferred.filter((x) => x.type === 'index')) sqlite.exec(d.sql)
log('indexes rebuilt')
for (const d of deferred.filter((x) => x.type === 'trigger')) sqlite.exec(d.sql)
// The dashboards' monthly pre-aggregate is kept by triggers on actions, dropped during the bulk load: rebuild it.
if (sqlite.prepare(`select 1 from sqlite_master where name = 'action_month_totals'`).get()) {
  sqlite.exec(`delete from action_month_totals;
    insert into action_month_totals (status, month, channel_id, type_id, actions, participants, online_reach, engagements)
    select status, month, coalesce(channel_id, 0), type_id, count(*), coalesce(sum(participants), 0), coalesce(sum(online_reach), 0), coalesce(sum(engagements), 0)
    from actions where archived_at is null group by status, month, coalesce(channel_id, 0), type_id`)
}
if (sqlite.prepare(`select 1 from sqlite_master where name = 'stakeholder_reach_months'`).get()) {
  sqlite.exec(`delete from stakeholder_reach_months;
    insert into stakeholder_reach_months (status, month, stakeholder_id, actions)
    select a.status, a.month, x.stakeholder_id, count(*) from action_stakeholders x join actions a on a.id = x.action_id
    where a.archived_at is null group by a.status, a.month, x.stakeholder_id`)
}
if (sqlite.prepare(`select 1 from sqlite_master where name = 'action_language_months'`).get()) {
  sqlite.exec(`delete from action_language_months;
    insert into action_language_months (status, month, language, actions)
    select a.status, a.month, l.language, count(*) from action_languages l join actions a on a.id = l.action_id
    where a.archived_at is null group by a.status, a.month, l.language`)
}
for (const fts of ['stakeholder_search', 'action_title_search', 'contact_search']) {
  const exists = sqlite.prepare(`select 1 from sqlite_master where name = ?`).get(fts)
  if (exists) sqlite.exec(`insert into ${fts}(${fts}) values ('rebuild')`)
}
log('full-text indexes rebuilt')

sqlite.pragma('synchronous = NORMAL')
sqlite.exec('ANALYZE')
sqlite.pragma('wal_checkpoint(TRUNCATE)')
sqlite.close()

// The materialised priorities are computed by the app's own code (the same path a weight change takes).
const priorities = await import('~/models/priorities/index.server').catch(() => null)
const recompute = priorities && (priorities as Record<string, unknown>).recomputeAllPriorities
if (typeof recompute === 'function') {
  await (recompute as () => unknown)()
  log('stakeholder priorities recomputed')
} else {
  log('WARNING: recomputeAllPriorities not found; stakeholder_priority left as seeded')
}

const size = fs.statSync(BENCH_DB).size
log(`done: ${BENCH_DB} (${(size / 1024 / 1024).toFixed(0)} MB)`)
