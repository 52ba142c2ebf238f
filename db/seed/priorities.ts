import { and, asc, eq, isNull } from 'drizzle-orm'

import { recomputeAllPriorities } from '~/models/priorities/index.server'

import type { DB } from '../client'
import {
  criteria,
  engagementStrategies,
  type Quadrant,
  scores,
  stakeholderCategories,
  stakeholders,
  strategyMessages,
} from '../schema'
import type { CoreSeed } from './core'
import type { Random } from './random'

export const defaultCriteria = [
  {
    key: 'influence',
    name: 'Influence',
    description: 'Power to shape policy, funding or opinion relevant to the project.',
    weight: 3,
    gridAxis: 'influence' as const,
  },
  {
    key: 'interest',
    name: "Interest in the project's themes",
    description: 'How close their work and agenda are to our themes.',
    weight: 2,
    gridAxis: 'interest' as const,
  },
  {
    key: 'reach',
    name: 'Multiplier potential (reach)',
    description: 'Audiences and networks they can pass our results on to.',
    weight: 2,
    gridAxis: null,
  },
  {
    key: 'fit',
    name: 'Strategic fit',
    description: 'Fit with the objectives of the communication plan.',
    weight: 2,
    gridAxis: null,
  },
  {
    key: 'access',
    name: 'Ease of access',
    description: 'How easily a partner can reach and engage them.',
    weight: 1,
    gridAxis: null,
  },
]

type Profile = [influence: number, interest: number, reach: number, fit: number, access: number]

/** Plausible central values per built-in category (influence, interest, reach, fit, access). */
const profiles: Record<string, Profile> = {
  eu_institution: [5, 3, 4, 4, 2],
  national_authority: [5, 2, 3, 3, 2],
  local_authority: [4, 3, 3, 3, 4],
  city_network: [4, 4, 5, 4, 3],
  interreg_project: [2, 5, 3, 5, 4],
  urbact_network: [3, 5, 4, 5, 4],
  horizon_project: [2, 4, 3, 4, 3],
  eu_funded_project: [2, 4, 3, 4, 3],
  university: [2, 4, 3, 4, 4],
  media: [3, 2, 5, 2, 3],
  ngo: [2, 4, 3, 3, 4],
  business: [3, 2, 3, 2, 2],
  citizen_group: [1, 4, 2, 3, 5],
}
const defaultProfile: Profile = [3, 3, 3, 3, 3]

const strategies: Record<Quadrant, { methods: string; messages: Record<string, string> }> = {
  manage_closely: {
    methods:
      'Bilateral meetings with the lead partner; invitations to speak at policy clinics; co-authored outputs; a named contact person in the consortium; early sight of results.',
    messages: {
      en: 'Cities in Dialogue turns eight cities’ experience of creative and urban innovation into practice you can adopt: shape it with us.',
      es: 'Cities in Dialogue convierte la experiencia de ocho ciudades en innovación creativa y urbana en prácticas que puedes adoptar: dales forma con nosotros.',
      pt: 'Cities in Dialogue transforma a experiência de oito cidades em inovação criativa e urbana em práticas que pode adotar: construa-as connosco.',
      it: 'Cities in Dialogue trasforma l’esperienza di otto città nell’innovazione creativa e urbana in pratiche adottabili: costruiscile con noi.',
      fr: 'Cities in Dialogue transforme l’expérience de huit villes en innovation créative et urbaine en pratiques à adopter : construisez-les avec nous.',
    },
  },
  keep_satisfied: {
    methods:
      'Short executive briefings twice a year; the policy recommendations when published; invitations to the final conference.',
    messages: {
      en: 'A concise view of what eight cities learned, and what it means for policy and funding.',
      es: 'Una visión breve de lo que han aprendido ocho ciudades y de lo que significa para las políticas y la financiación.',
      pt: 'Uma visão concisa do que oito cidades aprenderam e do que isso significa para as políticas e o financiamento.',
      it: 'Una sintesi di ciò che otto città hanno imparato e di cosa significa per le politiche e i finanziamenti.',
      fr: 'Un aperçu concis de ce que huit villes ont appris et de ce que cela signifie pour les politiques et les financements.',
    },
  },
  keep_informed: {
    methods:
      'Newsletter; social media; webinars open to all; invitations to site visits; the shared materials in their language.',
    messages: {
      en: 'Follow the network, join our webinars and reuse our materials in your own city.',
      es: 'Sigue la red, participa en nuestros webinarios y reutiliza nuestros materiales en tu ciudad.',
      pt: 'Acompanhe a rede, participe nos nossos webinars e reutilize os nossos materiais na sua cidade.',
      it: 'Segui la rete, partecipa ai nostri webinar e riutilizza i nostri materiali nella tua città.',
      fr: 'Suivez le réseau, participez à nos webinaires et réutilisez nos supports dans votre ville.',
      pl: 'Śledź sieć, dołącz do naszych webinariów i wykorzystuj nasze materiały w swoim mieście.',
    },
  },
  monitor: {
    methods: 'General communication only (website, newsletter); review their position once a year.',
    messages: {
      en: 'Cities in Dialogue: eight cities sharing how to communicate innovation.',
      es: 'Cities in Dialogue: ocho ciudades que comparten cómo comunicar la innovación.',
    },
  },
}

const clamp = (v: number) => Math.max(1, Math.min(5, v))

/** Demo prioritisation: default criteria, the four quadrant strategies, scores for ~80% of stakeholders. */
export function seedPriorities(db: DB, core: CoreSeed, random: Random) {
  const criterionIds = defaultCriteria.map(
    (c, i) =>
      db
        .insert(criteria)
        .values({ ...c, sortOrder: i + 1 })
        .returning({ id: criteria.id })
        .get().id,
  )

  for (const [quadrant, s] of Object.entries(strategies) as [Quadrant, (typeof strategies)[Quadrant]][]) {
    const id = db
      .insert(engagementStrategies)
      .values({ quadrant, methods: s.methods })
      .returning({ id: engagementStrategies.id })
      .get().id
    for (const [language, message] of Object.entries(s.messages))
      db.insert(strategyMessages).values({ strategyId: id, language, message }).run()
  }

  const comms = core.userIds.get('comms@demo.ripple') ?? null
  const admin = core.userIds.get('admin@demo.ripple') ?? null
  const list = db
    .select({ id: stakeholders.id, key: stakeholderCategories.key, category: stakeholderCategories.name })
    .from(stakeholders)
    .innerJoin(stakeholderCategories, eq(stakeholderCategories.id, stakeholders.categoryId))
    .where(and(isNull(stakeholders.archivedAt), isNull(stakeholders.mergedIntoId)))
    .orderBy(asc(stakeholders.id))
    .all()

  // Stakeholders with an earlier, superseded assessment: scored first as at the kick-off, ranked,
  // then revised, so their history and "change since the previous scoring" show.
  const revisions: { stakeholderId: number; criterionId: number; value: number; at: string }[] = []
  let withHistory = 0
  for (const s of list) {
    if (!random.chance(0.8)) continue
    const profile = (s.key && profiles[s.key]) || defaultProfile
    const month = String(random.int(2, 9)).padStart(2, '0')
    const day = String(random.int(1, 28)).padStart(2, '0')
    const at = `2025-${month}-${day}T10:${String(random.int(10, 59))}:00.000Z`
    const history = withHistory < 12
    if (history) withHistory++
    criterionIds.forEach((criterionId, i) => {
      // Now and then a criterion is not assessed yet: the score is over the others.
      if (i > 1 && random.chance(0.06)) return
      const value = clamp(profile[i] + random.pick([-1, 0, 0, 0, 1]))
      const revised = history && i < 3
      db.insert(scores)
        .values({
          stakeholderId: s.id,
          criterionId,
          value: revised ? clamp(value + random.pick([-2, -1, 1])) : value,
          rationale: revised ? 'First assessment at the kick-off meeting.' : null,
          userId: revised ? admin : comms,
          createdAt: revised ? `2025-01-2${i}T09:00:00.000Z` : at,
        })
        .run()
      if (revised) revisions.push({ stakeholderId: s.id, criterionId, value, at })
    })
  }
  recomputeAllPriorities(db)

  for (const r of revisions) {
    db.update(scores)
      .set({ supersededAt: r.at })
      .where(
        and(
          eq(scores.stakeholderId, r.stakeholderId),
          eq(scores.criterionId, r.criterionId),
          isNull(scores.supersededAt),
        ),
      )
      .run()
    db.insert(scores)
      .values({
        stakeholderId: r.stakeholderId,
        criterionId: r.criterionId,
        value: r.value,
        rationale: 'Revised after the first partner meeting.',
        userId: comms,
        createdAt: r.at,
      })
      .run()
  }
  recomputeAllPriorities(db)
}
