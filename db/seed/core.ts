import { hash } from '@node-rs/argon2'

import type { Actor } from '~/utils/permissions'

import type { DB } from '../client'
import { partners, project, type Role, themes, users } from '../schema'

export const DEMO_PASSWORD = 'ripple-demo'

export const demoAccounts: { email: string; name: string; role: Role; partner?: string; label: string }[] = [
  { email: 'admin@demo.ripple', name: 'Ane Etxeberria', role: 'admin', label: 'administrator' },
  {
    email: 'comms@demo.ripple',
    name: 'Lucía Moreno',
    role: 'comms',
    partner: 'San Sebastián',
    label: 'communications lead',
  },
  {
    email: 'partner@demo.ripple',
    name: 'Iker Goikoetxea',
    role: 'partner',
    partner: 'San Sebastián',
    label: 'partner (San Sebastián)',
  },
  {
    email: 'partner2@demo.ripple',
    name: 'Marta Puig',
    role: 'partner',
    partner: 'Barcelona',
    label: 'partner (Barcelona)',
  },
  { email: 'viewer@demo.ripple', name: 'Paolo Bianchi', role: 'viewer', label: 'viewer (steering group)' },
]

export const demoPartners = [
  {
    name: 'San Sebastián',
    country: 'ES',
    city: 'Donostia / San Sebastián',
    role: 'lead',
    website: 'https://www.donostia.eus',
    lang: 'es',
  },
  {
    name: 'Barcelona',
    country: 'ES',
    city: 'Barcelona',
    role: 'partner',
    website: 'https://www.barcelona.cat',
    lang: 'es',
  },
  {
    name: 'Medellín',
    country: 'CO',
    city: 'Medellín',
    role: 'associated',
    website: 'https://www.medellin.gov.co',
    lang: 'es',
  },
  {
    name: 'Porto',
    country: 'PT',
    city: 'Porto',
    role: 'partner',
    website: 'https://www.porto.pt',
    lang: 'pt',
  },
  {
    name: 'Bologna',
    country: 'IT',
    city: 'Bologna',
    role: 'partner',
    website: 'https://www.comune.bologna.it',
    lang: 'it',
  },
  { name: 'Lyon', country: 'FR', city: 'Lyon', role: 'partner', website: 'https://www.lyon.fr', lang: 'fr' },
  {
    name: 'Gdańsk',
    country: 'PL',
    city: 'Gdańsk',
    role: 'partner',
    website: 'https://www.gdansk.pl',
    lang: 'pl',
  },
  {
    name: 'Tampere',
    country: 'FI',
    city: 'Tampere',
    role: 'partner',
    website: 'https://www.tampere.fi',
    lang: 'fi',
  },
] as const

export const demoThemes = [
  'Creative innovation',
  'Urban regeneration',
  'Citizen participation',
  'Digital transition',
  'Green transition',
  'Cultural heritage',
]

export type CoreSeed = {
  /** A demo account as the actor the seed runs the domain commands as (they check its rights). */
  actorFor: (email: string) => Actor
  partnerIds: Map<string, number>
  partnerLang: Map<number, string>
  themeIds: number[]
  userIds: Map<string, number>
  workingLanguages: string[]
}

export async function seedCore(db: DB): Promise<CoreSeed> {
  const workingLanguages = ['en', 'es', 'pt', 'it', 'fr', 'pl', 'fi']
  db.insert(project)
    .values({
      id: 1,
      name: 'Cities in Dialogue',
      acronym: 'CiD',
      description:
        'An URBACT-style network of eight cities sharing how they communicate creative and urban innovation internationally.',
      startDate: '2025-01-01',
      endDate: '2027-12-31',
      workingLanguages,
      reportingPeriods: [
        { label: 'Period 1 (2025)', start: '2025-01-01', end: '2025-12-31' },
        { label: 'Period 2 (2026)', start: '2026-01-01', end: '2026-12-31' },
        { label: 'Period 3 (2027)', start: '2027-01-01', end: '2027-12-31' },
      ],
    })
    .run()
  const themeIds = demoThemes.map(
    (name) => db.insert(themes).values({ name }).returning({ id: themes.id }).get().id,
  )
  const partnerIds = new Map<string, number>()
  const partnerLang = new Map<number, string>()
  for (const p of demoPartners) {
    const handle = p.name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, '')
    const id = db
      .insert(partners)
      .values({
        name: p.name,
        country: p.country,
        city: p.city,
        role: p.role,
        website: p.website,
        socialAccounts: {
          linkedin: `https://www.linkedin.com/company/${handle}-city`,
          mastodon: `https://mastodon.social/@${handle}`,
        },
      })
      .returning({ id: partners.id })
      .get().id
    partnerIds.set(p.name, id)
    partnerLang.set(id, p.lang)
  }
  const passwordHash = await hash(DEMO_PASSWORD)
  const userIds = new Map<string, number>()
  for (const a of demoAccounts) {
    const id = db
      .insert(users)
      .values({
        email: a.email,
        name: a.name,
        role: a.role,
        passwordHash,
        partnerId: a.partner ? partnerIds.get(a.partner)! : null,
        locale: 'en',
      })
      .returning({ id: users.id })
      .get().id
    userIds.set(a.email, id)
  }
  const actorFor = (email: string): Actor => {
    const a = demoAccounts.find((d) => d.email === email)!
    return { id: userIds.get(email)!, role: a.role, partnerId: a.partner ? partnerIds.get(a.partner)! : null }
  }
  return { actorFor, partnerIds, partnerLang, themeIds, userIds, workingLanguages }
}
