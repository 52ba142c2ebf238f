import { and, asc, eq, inArray, isNull, like } from 'drizzle-orm'

import type { DB } from '../client'
import {
  actions,
  events,
  outcomeActions,
  outcomeEvents,
  outcomes,
  outcomeStakeholders,
  type OutcomeStatus,
  type OutcomeType,
  resultIndicators,
  resultIndicatorValues,
  stakeholders,
} from '../schema'
import type { CoreSeed } from './core'

/*
 * Issue 16: a first visit shows the chain from action to result. Outcomes of the demo project,
 * mostly verified (one proposed, one returned), each with the organisations involved and the
 * actions and events that fed it; targets and baselines for the programme's result indicators,
 * and a KPI with entered values, so /plan/indicators shows baseline, current and target.
 *
 * Actions and events are found by what they are (partner, title, event), not by id, so that a
 * change to the action seed's order does not break the links; a missing one is left out.
 */

type ActionPick = { partner: string; title?: string; event?: string }

type DemoOutcome = {
  partner: string
  type: OutcomeType
  date: string
  title: string
  description: string
  evidenceUrl: string
  status: OutcomeStatus
  returnComment?: string
  organisations: string[]
  actions: ActionPick[]
  events: string[]
}

const demoOutcomes: DemoOutcome[] = [
  {
    partner: 'San Sebastián',
    type: 'partnership',
    date: '2026-04-22',
    title: 'Tabakalera and Fondazione Innovazione Urbana sign a two-year exchange of creative residencies',
    description:
      'After meeting at the transnational partner meeting in Porto, the two organisations agreed to host two artists and one urban researcher from the other city each year, starting in autumn 2026.',
    evidenceUrl: 'https://www.tabakalera.eus/en/news/creative-residencies-bologna',
    status: 'verified',
    organisations: ['Tabakalera', 'Fondazione Innovazione Urbana'],
    actions: [
      { partner: 'San Sebastián', title: 'Policy clinic%' },
      { partner: 'Bologna', title: 'Cosa ha imparato%' },
    ],
    events: ['Transnational partner meeting in Porto'],
  },
  {
    partner: 'Bologna',
    type: 'policy_changed',
    date: '2026-07-15',
    title: 'Bologna’s urban plan adds temporary creative uses of empty ground floors',
    description:
      'The city council amended the rules of its general urban plan so that empty ground-floor premises can be lent for up to three years to creative and neighbourhood projects, as discussed at the policy clinic with San Sebastián, Lyon and Gdańsk.',
    evidenceUrl: 'https://www.comune.bologna.it/notizie/usi-temporanei-piani-terra',
    status: 'verified',
    organisations: [
      'Città metropolitana di Bologna',
      'Fondazione Innovazione Urbana',
      'Social Street Bologna',
    ],
    actions: [
      { partner: 'Bologna', title: 'Keynote at the Eurocities%' },
      { partner: 'Bologna', title: 'Online session for other URBACT networks%' },
    ],
    events: ['Policy clinic: creative innovation in public spaces (Bologna)'],
  },
  {
    partner: 'Gdańsk',
    type: 'practice_adopted',
    date: '2026-09-10',
    title: 'Gdańsk adopts the Egia co-design method for the Wrzeszcz district',
    description:
      'The district council of Wrzeszcz used the co-design sessions San Sebastián presented in Bologna to prepare its own programme for creative ground floors, with neighbours, students and local businesses.',
    evidenceUrl: 'https://www.gdansk.pl/wiadomosci/wrzeszcz-wspolne-projektowanie',
    status: 'verified',
    organisations: ['Rada Dzielnicy Wrzeszcz', 'Gdańsk Entrepreneurship Foundation', 'Egia Auzo Elkartea'],
    actions: [
      { partner: 'Gdańsk', title: 'Gamified city walk%' },
      { partner: 'San Sebastián', title: 'Policy clinic%' },
    ],
    events: ['Policy clinic: creative innovation in public spaces (Bologna)'],
  },
  {
    partner: 'Barcelona',
    type: 'funding',
    date: '2026-06-30',
    title: 'Barcelona Activa financia un piloto de industrias creativas en el Poblenou',
    description:
      'Barcelona Activa destina 120.000 euros a un programa piloto de locales compartidos para industrias creativas en el Poblenou, inspirado en el trabajo de la red con San Sebastián y Bolonia.',
    evidenceUrl: 'https://www.barcelonactiva.cat/es/noticias/piloto-industrias-creativas-poblenou',
    status: 'verified',
    organisations: ['Barcelona Activa', 'Plataforma Veïnal del Poblenou'],
    actions: [{ partner: 'Barcelona', title: 'Meeting with a Horizon Europe project%' }],
    events: [],
  },
  {
    partner: 'Medellín',
    type: 'media',
    date: '2026-05-12',
    title: 'El Colombiano publica un reportaje sobre Medellín y la red Cities in Dialogue',
    description:
      'Un reportaje de dos páginas sobre lo que Medellín aprende de las ciudades europeas de la red, recogido después por Telemedellín.',
    evidenceUrl: 'https://www.elcolombiano.com/antioquia/medellin-red-cities-in-dialogue',
    status: 'verified',
    organisations: ['El Colombiano', 'Telemedellín'],
    actions: [{ partner: 'Medellín', title: 'Artículo en la prensa local%' }],
    events: [],
  },
  {
    partner: 'Tampere',
    type: 'network',
    date: '2026-10-05',
    title: 'Tampere joins the Eurocities working group on creative districts',
    description:
      'Tampere became a member of the Eurocities working group after presenting the network’s practice online; Business Tampere represents the city’s companies in it.',
    evidenceUrl: 'https://eurocities.eu/latest/tampere-joins-creative-districts-working-group',
    status: 'verified',
    organisations: ['Eurocities', 'Business Tampere'],
    actions: [{ partner: 'Tampere', title: 'Shared the network’s call%' }],
    events: ['Webinar: citizens co-designing innovation districts'],
  },
  {
    partner: 'San Sebastián',
    type: 'policy_changed',
    date: '2026-11-26',
    title: 'San Sebastián aprueba el plan compartido del distrito creativo de Egia',
    description:
      'El pleno municipal aprueba el plan del distrito creativo de Egia con las tres prioridades de la consulta pública: locales a precio asequible, convocatoria anual de proyectos vecinales y revisión pública cada dos años.',
    evidenceUrl: 'https://www.donostia.eus/info/egia-plan-compartido',
    status: 'verified',
    organisations: ['Egia Auzo Elkartea', 'Fomento de San Sebastián', 'Tabakalera'],
    actions: [
      { partner: 'San Sebastián', title: 'Boletín municipal%' },
      { partner: 'San Sebastián', title: 'Noticia en la web municipal%' },
    ],
    events: ['Public consultation: a shared plan for the Egia creative district'],
  },
  {
    partner: 'Lyon',
    type: 'practice_adopted',
    date: '2026-11-10',
    title: 'Lyon pilots Gdańsk’s gamified city walk with first-year students',
    description:
      'Université Lumière Lyon 2 ran the gamified walk with 40 students in the Croix-Rousse, using the route cards Gdańsk shared.',
    evidenceUrl: 'https://www.univ-lyon2.fr/actualites/balade-ludique-croix-rousse',
    status: 'pending',
    organisations: ['Université Lumière Lyon 2', 'Collectif Pentes de la Croix-Rousse'],
    actions: [{ partner: 'Lyon', title: 'Présentation du réseau%' }],
    events: [],
  },
  {
    partner: 'Porto',
    type: 'partnership',
    date: '2026-10-28',
    title: 'Porto and Universidade do Porto agree on a joint urban lab',
    description:
      'The city and the university announced talks on a joint lab for creative uses of the Ribeira.',
    evidenceUrl: 'https://www.porto.pt/pt/noticia/laboratorio-urbano-universidade',
    status: 'returned',
    returnComment:
      'The press note only announces talks. Please add the signed agreement (or a link to it) as evidence, then propose it again.',
    organisations: ['Universidade do Porto', 'Associação de Moradores da Ribeira'],
    actions: [],
    events: [],
  },
]

function actionIdsFor(db: DB, partnerIds: Map<string, number>, picks: ActionPick[], before: string) {
  const ids: number[] = []
  for (const pick of picks) {
    const partnerId = partnerIds.get(pick.partner)
    if (!partnerId) continue
    const found = db
      .select({ id: actions.id })
      .from(actions)
      .where(
        and(
          eq(actions.partnerId, partnerId),
          eq(actions.status, 'validated'),
          isNull(actions.archivedAt),
          pick.title ? like(actions.title, pick.title) : undefined,
        ),
      )
      .orderBy(asc(actions.date), asc(actions.id))
      .all()
      .map((a) => a.id)
      .filter((id) => !ids.includes(id))
    // The latest such action before the outcome, else the first one.
    const earlier = db
      .select({ id: actions.id, date: actions.date })
      .from(actions)
      .where(inArray(actions.id, found.length ? found : [0]))
      .all()
      .filter((a) => a.date <= before)
      .map((a) => a.id)
    const id = earlier.at(-1) ?? found[0]
    if (id) ids.push(id)
  }
  return ids
}

function idsByName<T extends { id: number; name: string }>(rows: T[], names: string[]) {
  return names.flatMap((name) => {
    const row = rows.find((r) => r.name === name) ?? rows.find((r) => r.name.startsWith(name))
    return row ? [row.id] : []
  })
}

function seedIndicatorFigures(db: DB, comms: number | null) {
  const programme: [code: string, target: number][] = [
    ['RCR79', 12],
    ['RCR84', 16],
    ['RCR104', 6],
  ]
  for (const [code, target] of programme)
    db.update(resultIndicators)
      .set({ baselineDate: '2025-01-01', target })
      .where(eq(resultIndicators.code, code))
      .run()
  const kpi = db
    .insert(resultIndicators)
    .values({
      code: 'KPI-FUND',
      kind: 'kpi',
      name: 'Follow-up funding attracted by partner cities',
      definition:
        'Euros committed by funders other than the programme to continue or scale up what partners learned in the network, as stated in the funding decision.',
      unit: 'EUR',
      baselineValue: 0,
      baselineDate: '2025-01-01',
      target: 500000,
      source: 'Funding decisions collected by the communications lead',
      method: 'entered',
      outcomeTypes: ['funding'],
      counts: 'outcomes',
      sortOrder: 1,
    })
    .returning({ id: resultIndicators.id })
    .get().id
  const values = [
    {
      date: '2026-06-30',
      value: 120000,
      evidenceUrl: 'https://www.barcelonactiva.cat/es/noticias/piloto-industrias-creativas-poblenou',
      note: 'Barcelona Activa: pilot for creative industries in the Poblenou.',
    },
    {
      date: '2026-11-15',
      value: 310000,
      evidenceUrl: null,
      note: 'Plus 190,000 EUR from Regione Emilia-Romagna for the temporary uses of ground floors in Bologna (decision of 12 November 2026).',
    },
  ]
  for (const v of values)
    db.insert(resultIndicatorValues)
      .values({ ...v, indicatorId: kpi, createdBy: comms })
      .run()
  db.insert(resultIndicators)
    .values({
      code: 'KPI-OUT',
      kind: 'kpi',
      name: 'Verified outcomes of the network',
      definition:
        'Changes outside the partners that happened partly thanks to the network and were verified by the communications lead. An outcome counts once, however many actions fed it.',
      unit: 'outcomes',
      baselineValue: 0,
      baselineDate: '2025-01-01',
      target: 15,
      source: 'Verified outcomes in Ripple',
      method: 'computed',
      outcomeTypes: ['partnership', 'practice_adopted', 'policy_changed', 'funding', 'media', 'network'],
      counts: 'outcomes',
      sortOrder: 2,
    })
    .run()
}

export function seedOutcomes(db: DB, core: CoreSeed) {
  const comms = core.userIds.get('comms@demo.ripple') ?? null
  // Partners with an account proposed their own; the others were transcribed by the communications lead.
  const accounts: Record<string, string> = {
    'San Sebastián': 'partner@demo.ripple',
    Barcelona: 'partner2@demo.ripple',
  }
  const authorOf = (partner: string) => (accounts[partner] ? core.userIds.get(accounts[partner]) : undefined)
  const organisations = db
    .select({ id: stakeholders.id, name: stakeholders.name })
    .from(stakeholders)
    .where(isNull(stakeholders.archivedAt))
    .all()
  const eventRows = db.select({ id: events.id, name: events.title }).from(events).all()
  for (const o of demoOutcomes) {
    const partnerId = core.partnerIds.get(o.partner)
    if (!partnerId) continue
    const verified = o.status === 'verified'
    const id = db
      .insert(outcomes)
      .values({
        partnerId,
        type: o.type,
        date: o.date,
        title: o.title,
        description: o.description,
        evidenceUrl: o.evidenceUrl,
        status: o.status,
        returnComment: o.returnComment ?? null,
        verifiedAt: verified ? `${o.date}T16:00:00.000Z` : null,
        verifiedBy: verified ? comms : null,
        createdBy: authorOf(o.partner) ?? comms,
      })
      .returning({ id: outcomes.id })
      .get().id
    for (const stakeholderId of idsByName(organisations, o.organisations))
      db.insert(outcomeStakeholders).values({ outcomeId: id, stakeholderId }).run()
    for (const actionId of actionIdsFor(db, core.partnerIds, o.actions, o.date))
      db.insert(outcomeActions).values({ outcomeId: id, actionId }).run()
    for (const eventId of idsByName(eventRows, o.events))
      db.insert(outcomeEvents).values({ outcomeId: id, eventId }).run()
  }
  seedIndicatorFigures(db, comms)
}
