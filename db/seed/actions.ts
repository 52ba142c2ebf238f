import type Database from 'better-sqlite3'
import { isNull } from 'drizzle-orm'

import type { DB } from '../client'
import {
  type ActionStatus,
  actionTypes,
  channels,
  events,
  notifications,
  plannedActivities,
  stakeholders,
} from '../schema'
import type { CoreSeed } from './core'
import type { Random } from './random'

/**
 * Demo dissemination log: a few hundred actions from all eight partners over the 18 months up to
 * the demo date (2026-11-22), in the partners' languages, mostly validated, some submitted, draft
 * and returned with a comment; the work plan's past activities fulfilled by actions; one returned
 * action waiting in partner@demo.ripple's inbox.
 */

export const DEMO_TODAY = '2026-11-22'
const START = '2025-06-01'

type TypeKey =
  | 'presentation'
  | 'social_post'
  | 'press'
  | 'newsletter'
  | 'web_news'
  | 'conference_talk'
  | 'bilateral_meeting'
  | 'webinar'
  | 'policy_clinic'
  | 'partner_meeting'
  | 'publication'
  | 'video'
  | 'creative_format'

/** How often each type occurs, and the channels it goes through. */
const typeMix: { key: TypeKey; weight: number; channels: string[] }[] = [
  {
    key: 'social_post',
    weight: 34,
    channels: ['linkedin', 'mastodon', 'bluesky', 'instagram', 'facebook', 'x'],
  },
  { key: 'presentation', weight: 16, channels: ['in_person'] },
  { key: 'press', weight: 8, channels: ['print_press', 'website', 'radio_tv'] },
  { key: 'web_news', weight: 8, channels: ['website'] },
  { key: 'newsletter', weight: 6, channels: ['newsletter'] },
  { key: 'conference_talk', weight: 5, channels: ['in_person', 'online_event'] },
  { key: 'bilateral_meeting', weight: 6, channels: ['in_person', 'online_event'] },
  { key: 'webinar', weight: 4, channels: ['online_event', 'youtube'] },
  { key: 'policy_clinic', weight: 3, channels: ['in_person'] },
  { key: 'partner_meeting', weight: 3, channels: ['in_person', 'online_event'] },
  { key: 'publication', weight: 2, channels: ['website'] },
  { key: 'video', weight: 3, channels: ['youtube', 'instagram'] },
  { key: 'creative_format', weight: 2, channels: ['in_person'] },
]

type Lang = 'en' | 'es' | 'pt' | 'it' | 'fr' | 'pl' | 'fi' | 'eu' | 'ca'

/** Title templates by type and language; {city}, {forum}, {theme}, {org} are filled in. */
const titles: Record<TypeKey, Partial<Record<Lang, string[]>>> = {
  social_post: {
    en: [
      'Post on lessons about {theme} from our partner cities',
      'Thread: what {city} learned at the network meeting',
      'Shared the network’s call for good practices on {theme}',
    ],
    es: [
      'Publicación sobre {theme} y lo aprendido con las ciudades socias',
      'Hilo: qué aprendió {city} en la reunión de la red',
      'Compartimos la convocatoria de buenas prácticas sobre {theme}',
    ],
    pt: ['Publicação sobre {theme} e as cidades parceiras', 'O que o Porto aprendeu no encontro da rede'],
    it: [
      'Post sulle lezioni di {theme} dalle città partner',
      'Cosa ha imparato Bologna all’incontro della rete',
    ],
    fr: [
      'Publication sur {theme} et les villes partenaires',
      'Ce que Lyon a retenu de la rencontre du réseau',
    ],
    pl: ['Wpis o {theme} i miastach partnerskich', 'Czego Gdańsk nauczył się na spotkaniu sieci'],
    fi: ['Julkaisu: {theme} kumppanikaupungeissa', 'Mitä Tampere oppi verkoston tapaamisessa'],
    eu: ['Argitalpena: {theme} hiri bazkideekin'],
    ca: ['Publicació sobre {theme} i les ciutats sòcies'],
  },
  presentation: {
    en: ['Presented the network at the {forum}', 'Presentation of Cities in Dialogue to {org}'],
    es: ['Presentación del proyecto en el {forum}', 'Presentamos Cities in Dialogue ante {org}'],
    pt: ['Apresentação do projeto no {forum}'],
    it: ['Presentazione del progetto al {forum}'],
    fr: ['Présentation du réseau au {forum}'],
    pl: ['Prezentacja projektu na {forum}'],
    fi: ['Hankkeen esittely: {forum}'],
    eu: ['Proiektuaren aurkezpena {forum}'],
    ca: ['Presentació del projecte al {forum}'],
  },
  press: {
    en: ['Press release: {city} joins European peers on {theme}'],
    es: [
      'Nota de prensa: {city} comparte con Europa su experiencia en {theme}',
      'Artículo en la prensa local sobre la red Cities in Dialogue',
    ],
    pt: ['Artigo no jornal local sobre {theme}'],
    it: ['Comunicato stampa: Bologna e la rete europea su {theme}'],
    fr: ['Communiqué de presse : Lyon et le réseau européen sur {theme}'],
    pl: ['Artykuł w lokalnej prasie o sieci miast'],
    fi: ['Lehdistötiedote: Tampere mukana eurooppalaisessa verkostossa'],
  },
  web_news: {
    en: ['News on the city website: network meeting in {city}'],
    es: ['Noticia en la web municipal: la red se reúne en {city}'],
    pt: ['Notícia no site da câmara sobre a rede'],
    it: ['Notizia sul sito del Comune: la rete a {city}'],
    fr: ['Actualité sur le site de la Ville : le réseau à {city}'],
    pl: ['Aktualność na stronie miasta o projekcie'],
    fi: ['Uutinen kaupungin verkkosivuilla verkostosta'],
  },
  newsletter: {
    en: ['Network newsletter: {theme} special'],
    es: ['Boletín municipal: especial {theme}'],
    fr: ['Lettre d’information : dossier {theme}'],
    it: ['Newsletter del Comune: focus {theme}'],
  },
  conference_talk: {
    en: ['Talk at the URBACT City Festival on {theme}', 'Keynote at the Eurocities working group on {theme}'],
    es: ['Ponencia en el congreso de innovación urbana sobre {theme}'],
    fr: ['Intervention au congrès des villes sur {theme}'],
  },
  bilateral_meeting: {
    en: ['Meeting with {org} about joining forces on {theme}'],
    es: ['Reunión con {org} para colaborar en {theme}'],
    it: ['Incontro con {org} su {theme}'],
    pl: ['Spotkanie z {org} w sprawie współpracy'],
  },
  webinar: {
    en: ['Webinar: {theme} across three continents', 'Online session for other URBACT networks on {theme}'],
    es: ['Seminario web: {theme} en tres continentes'],
  },
  policy_clinic: {
    en: ['Policy clinic on {theme} with city officers'],
    es: ['Clínica de políticas sobre {theme} con personal técnico municipal'],
  },
  partner_meeting: {
    en: ['Transnational partner meeting in {city}'],
    es: ['Reunión transnacional de socios en {city}'],
  },
  publication: {
    en: ['Published the case study “{city}: {theme} in practice”'],
    es: ['Publicado el caso de estudio «{city}: {theme} en la práctica»'],
  },
  video: {
    en: ['Video: {city} explains its approach to {theme}'],
    es: ['Vídeo: {city} explica su enfoque de {theme}'],
    pt: ['Vídeo: o Porto e a {theme}'],
  },
  creative_format: {
    en: ['Gamified city walk on {theme} for students'],
    es: ['Paseo gamificado sobre {theme} con estudiantes'],
    pt: ['Percurso gamificado sobre {theme} com estudantes'],
  },
}

/**
 * The partners' own forums by the language of the title they appear in (each title is in one
 * language), written to fit the template's preposition (Polish locative, Basque inessive).
 */
const forums: Record<string, Partial<Record<Lang, string[]>>> = {
  'San Sebastián': {
    es: ['Foro de Innovación de Donostia'],
    en: ['Donostia Innovation Forum'],
    eu: ['Donostiako Berrikuntza Foroan'],
  },
  Barcelona: {
    ca: ['Fòrum d’Innovació Urbana de Barcelona'],
    es: ['Foro de Innovación Urbana de Barcelona'],
    en: ['Smart City Expo World Congress', 'Barcelona Urban Innovation Forum'],
  },
  Medellín: { es: ['Foro Urbano de Medellín'], en: ['Medellín Urban Forum'] },
  Porto: { pt: ['Fórum Urbano do Porto'], en: ['Porto Innovation Hub days'] },
  Bologna: { it: ['Forum urbano di Bologna', 'Festival della Partecipazione'], en: ['Bologna Urban Forum'] },
  Lyon: { fr: ['Forum urbain de Lyon'], en: ['Lyon Urban Forum'] },
  Gdańsk: { pl: ['Gdańskim Forum Miejskim', 'Europejskim Forum Solidarności'], en: ['Gdańsk City Forum'] },
  Tampere: { fi: ['Tampereen kaupunkifoorumi'], en: ['Tampere Smart City Week'] },
}

/** A forum of the city in each language, when the partner has none named in the title's language. */
const cityForum: Record<Lang, string> = {
  en: 'city forum',
  es: 'foro de la ciudad',
  pt: 'fórum da cidade',
  it: 'forum cittadino',
  fr: 'forum de la ville',
  pl: 'forum miejskim',
  fi: 'kaupunkifoorumi',
  eu: 'hiriko foroan',
  ca: 'fòrum de la ciutat',
}

const themeWords: Record<Lang, string[]> = {
  en: [
    'creative innovation',
    'urban regeneration',
    'citizen participation',
    'the digital transition',
    'the green transition',
    'cultural heritage',
  ],
  es: [
    'innovación creativa',
    'regeneración urbana',
    'participación ciudadana',
    'transición digital',
    'transición verde',
    'patrimonio cultural',
  ],
  pt: ['inovação criativa', 'regeneração urbana', 'participação cidadã', 'transição digital'],
  it: ['innovazione creativa', 'rigenerazione urbana', 'partecipazione civica', 'transizione digitale'],
  fr: ['innovation créative', 'régénération urbaine', 'participation citoyenne', 'transition écologique'],
  pl: ['innowacje kreatywne', 'rewitalizacja miast', 'partycypacja obywatelska'],
  fi: ['luova innovaatio', 'kaupunkiuudistus', 'osallisuus'],
  eu: ['berrikuntza sortzailea', 'hiri berroneratzea'],
  ca: ['innovació creativa', 'regeneració urbana', 'participació ciutadana'],
}

/** Organisations met or presented to, in the language of the title (after its preposition). */
const orgs: Partial<Record<Lang, string[]>> = {
  en: [
    'the regional development agency',
    'the local university',
    'the chamber of commerce',
    'another URBACT network',
    'the national association of municipalities',
    'a Horizon Europe project',
  ],
  es: [
    'la agencia de desarrollo regional',
    'la universidad local',
    'la cámara de comercio',
    'otra red URBACT',
    'la federación de municipios',
    'un proyecto Horizonte Europa',
  ],
  it: [
    'l’agenzia di sviluppo regionale',
    'l’università locale',
    'la camera di commercio',
    'un’altra rete URBACT',
  ],
  pl: ['regionalną agencją rozwoju', 'lokalnym uniwersytetem', 'izbą gospodarczą', 'inną siecią URBACT'],
}

/** Second languages a partner sometimes uses beside its own and English. */
const extraLanguages: Record<string, Lang[]> = { 'San Sebastián': ['eu'], Barcelona: ['ca'] }

const returnComments = [
  'Please add the link to the post so we can count it.',
  'The participant figure looks like the whole event, not the session: can you check?',
  'Which stakeholders were in the room? Please add at least the main ones.',
  'This seems to be a duplicate of the action logged the week before; please check.',
  'Please split the two events into two actions.',
]

function addDays(iso: string, days: number) {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

function minDate(a: string, b: string) {
  return a < b ? a : b
}

function daysBetween(a: string, b: string) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

function handle(name: string) {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')
}

export function seedActions(db: DB, core: CoreSeed, random: Random) {
  const typeIds = new Map(
    db
      .select({ id: actionTypes.id, key: actionTypes.key })
      .from(actionTypes)
      .all()
      .map((r) => [r.key!, r.id]),
  )
  const channelIds = new Map(
    db
      .select({ id: channels.id, key: channels.key })
      .from(channels)
      .all()
      .map((r) => [r.key!, r.id]),
  )
  if (!typeIds.size || !channelIds.size) return
  const allStakeholders = db
    .select({ id: stakeholders.id, owner: stakeholders.ownerPartnerId })
    .from(stakeholders)
    .where(isNull(stakeholders.archivedAt))
    .all()
  const eventRows = db
    .select({
      id: events.id,
      startDate: events.startDate,
      hostPartnerId: events.hostPartnerId,
      themeId: events.themeId,
    })
    .from(events)
    .all()
  const activityRows = db
    .select({
      id: plannedActivities.id,
      title: plannedActivities.title,
      partnerId: plannedActivities.partnerId,
      dueDate: plannedActivities.dueDate,
      typeId: plannedActivities.typeId,
      channelId: plannedActivities.channelId,
      eventId: plannedActivities.eventId,
    })
    .from(plannedActivities)
    .all()

  const comms = core.userIds.get('comms@demo.ripple')!
  const partnerUser = core.userIds.get('partner@demo.ripple')!
  const partner2User = core.userIds.get('partner2@demo.ripple')!
  const partnerNames = [...core.partnerIds.keys()]
  const creatorFor = (partnerName: string) =>
    partnerName === 'San Sebastián' ? partnerUser : partnerName === 'Barcelona' ? partner2User : comms
  const totalWeight = typeMix.reduce((n, t) => n + t.weight, 0)
  const pickType = () => {
    let r = random.next() * totalWeight
    for (const t of typeMix) if ((r -= t.weight) < 0) return t
    return typeMix[0]
  }
  const span = daysBetween(START, DEMO_TODAY)

  type Planned = {
    partnerName: string
    date: string
    typeKey: TypeKey
    channelKey: string
    title: string
    languages: string[]
    activityId?: number
    eventId?: number | null
  }
  const planned: Planned[] = []

  function titleFor(typeKey: TypeKey, lang: Lang, partnerName: string) {
    const byLang = titles[typeKey]
    const lng: Lang = byLang[lang] ? lang : byLang.en ? 'en' : (Object.keys(byLang)[0] as Lang)
    const template = random.pick(byLang[lng]!)
    const words = themeWords[lng] ?? themeWords.en
    return template
      .replace('{theme}', random.pick(words))
      .replace('{city}', partnerName)
      .replace('{forum}', random.pick(forums[partnerName]?.[lng] ?? [cityForum[lng]]))
      .replace('{org}', random.pick(orgs[lng] ?? orgs.en!))
  }

  // 1. Everyday actions: each partner logs a few a month, the lead partner and the keen ones more.
  const volume: Record<string, number> = {
    'San Sebastián': 70,
    Barcelona: 55,
    Medellín: 35,
    Porto: 45,
    Bologna: 50,
    Lyon: 45,
    Gdańsk: 40,
    Tampere: 40,
  }
  for (const partnerName of partnerNames) {
    const partnerId = core.partnerIds.get(partnerName)!
    const own = (core.partnerLang.get(partnerId) ?? 'en') as Lang
    for (let i = 0; i < (volume[partnerName] ?? 40); i++) {
      // Later months are busier: square root skews dates towards the present.
      const date = addDays(START, Math.floor(Math.sqrt(random.next()) * span))
      const type = pickType()
      const lang: Lang = random.chance(0.7)
        ? own
        : random.chance(0.6)
          ? 'en'
          : random.pick(extraLanguages[partnerName] ?? ['en'])
      const languages = new Set<string>([lang])
      if (random.chance(0.25)) languages.add('en')
      if (extraLanguages[partnerName] && random.chance(0.2)) languages.add(extraLanguages[partnerName][0])
      planned.push({
        partnerName,
        date,
        typeKey: type.key,
        channelKey: random.pick(type.channels),
        title: titleFor(type.key, lang, partnerName),
        languages: [...languages],
      })
    }
  }

  // 2. The work plan's past activities, fulfilled by an action (most of them).
  for (const a of activityRows) {
    if (a.dueDate > DEMO_TODAY || !a.partnerId || !random.chance(0.8)) continue
    const partnerName = partnerNames.find((n) => core.partnerIds.get(n) === a.partnerId)!
    const typeKey = ([...typeIds.entries()].find(([, id]) => id === a.typeId)?.[0] ??
      'presentation') as TypeKey
    const channelKey =
      [...channelIds.entries()].find(([, id]) => id === a.channelId)?.[0] ??
      typeMix.find((t) => t.key === typeKey)?.channels[0] ??
      'in_person'
    planned.push({
      partnerName,
      date: addDays(a.dueDate, -random.int(0, 10)),
      typeKey: typeIds.has(typeKey) ? typeKey : 'presentation',
      channelKey,
      title: a.title,
      languages: [core.partnerLang.get(a.partnerId) ?? 'en', ...(random.chance(0.4) ? ['en'] : [])],
      activityId: a.id,
      eventId: a.eventId,
    })
  }

  planned.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))

  // Prepared statements: a few hundred rows with their links stay well under the seed's time budget.
  const sqlite = (db as DB & { $client: Database.Database }).$client
  const insertAction =
    sqlite.prepare(`insert into actions (partner_id, created_by, date, month, type_id, channel_id, title, description, evidence_url,
      participants, online_reach, engagements, status, return_comment, submitted_at, validated_at, validated_by, event_id, activity_id, created_at, updated_at)
    values (@partnerId, @createdBy, @date, @month, @typeId, @channelId, @title, @description, @evidenceUrl, @participants, @onlineReach, @engagements,
      @status, @returnComment, @submittedAt, @validatedAt, @validatedBy, @eventId, @activityId, @createdAt, @createdAt)`)
  // Presentations and talks cite the common material in their language when one exists, so the
  // materials page shows which partners use the common presentation. No random draw here, so the
  // rest of the demo stays exactly as seeded before.
  const presentationMaterials = sqlite
    .prepare(
      `select id, language from materials where kind = 'presentation' and archived_at is null order by id`,
    )
    .all() as { id: number; language: string }[]
  const citeMaterial = sqlite.prepare('update actions set material_id = ? where id = ?')
  const insertLanguage = sqlite.prepare('insert into action_languages (action_id, language) values (?, ?)')
  const insertTheme = sqlite.prepare('insert into action_themes (action_id, theme_id) values (?, ?)')
  const insertStakeholder = sqlite.prepare(
    'insert into action_stakeholders (action_id, stakeholder_id) values (?, ?)',
  )

  let returnedForPartner = false
  const notificationsToAdd: {
    userId: number
    actionId: number
    message: string
    readAt: string | null
    createdAt: string
  }[] = []

  for (const p of planned) {
    const partnerId = core.partnerIds.get(p.partnerName)!
    const age = daysBetween(p.date, DEMO_TODAY)
    let status: ActionStatus
    const r = random.next()
    if (age <= 10) status = r < 0.55 ? 'submitted' : r < 0.75 ? 'validated' : r < 0.9 ? 'draft' : 'returned'
    else if (age <= 45)
      status = r < 0.72 ? 'validated' : r < 0.86 ? 'submitted' : r < 0.94 ? 'returned' : 'draft'
    else status = r < 0.92 ? 'validated' : r < 0.96 ? 'returned' : r < 0.98 ? 'submitted' : 'draft'
    // The inbox demo: partner@demo.ripple has one returned action to fix.
    if (
      !returnedForPartner &&
      p.partnerName === 'San Sebastián' &&
      age <= 20 &&
      age >= 3 &&
      p.typeKey === 'social_post'
    )
      status = 'returned'
    const createdBy = creatorFor(p.partnerName)
    // Submitted within a few days of the action, validated within a week, never after the demo date.
    const submittedDay = minDate(addDays(p.date, random.int(0, 3)), DEMO_TODAY)
    const submittedAt =
      status === 'draft'
        ? null
        : `${submittedDay}T${String(random.int(8, 18)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`
    const validatedDay = minDate(addDays(submittedDay, random.int(1, 6)), DEMO_TODAY)
    const validatedAt =
      status === 'validated' && submittedAt
        ? `${validatedDay}T${validatedDay === submittedDay ? '19:30' : '10:00'}:00.000Z`
        : null
    const returnComment = status === 'returned' ? random.pick(returnComments) : null
    const figures = figuresFor(p.typeKey, random)
    const evidenceUrl = evidenceFor(p, random)
    const eventId =
      p.eventId ??
      (['presentation', 'policy_clinic', 'partner_meeting', 'webinar', 'conference_talk'].includes(
        p.typeKey,
      ) &&
      eventRows.length &&
      random.chance(0.3)
        ? (eventRows.find((e) => Math.abs(daysBetween(e.startDate, p.date)) <= 20)?.id ?? null)
        : null)

    const id = Number(
      insertAction.run({
        partnerId,
        createdBy,
        date: p.date,
        month: p.date.slice(0, 7),
        typeId: typeIds.get(p.typeKey)!,
        channelId: channelIds.get(p.channelKey) ?? null,
        title: p.title,
        description: random.chance(0.3) ? 'Slides and photos in the shared folder.' : null,
        evidenceUrl,
        ...figures,
        status,
        returnComment,
        submittedAt,
        validatedAt,
        validatedBy: status === 'validated' ? comms : null,
        eventId,
        activityId: p.activityId ?? null,
        createdAt: submittedAt ?? `${p.date}T12:00:00.000Z`,
      }).lastInsertRowid,
    )
    for (const language of new Set(p.languages)) insertLanguage.run(id, language)
    if (['presentation', 'conference_talk', 'webinar', 'policy_clinic'].includes(p.typeKey) && id % 3 !== 0) {
      const material =
        presentationMaterials.find((m) => p.languages.includes(m.language as never)) ??
        presentationMaterials.find((m) => m.language === 'en')
      if (material) citeMaterial.run(material.id, id)
    }
    if (core.themeIds.length)
      for (const themeId of random.some(core.themeIds, 1, 2)) insertTheme.run(id, themeId)
    if (allStakeholders.length && !['social_post', 'newsletter', 'web_news', 'video'].includes(p.typeKey)) {
      const owned = allStakeholders.filter((s) => s.owner === partnerId)
      const pool = owned.length >= 3 && random.chance(0.7) ? owned : allStakeholders
      for (const s of random.some(
        pool,
        1,
        p.typeKey === 'presentation' || p.typeKey === 'policy_clinic' ? 4 : 2,
      ))
        insertStakeholder.run(id, s.id)
    }

    if (status === 'returned' && (createdBy === partnerUser || createdBy === partner2User)) {
      const isTheDemoOne = createdBy === partnerUser && !returnedForPartner && age <= 20
      if (isTheDemoOne) returnedForPartner = true
      notificationsToAdd.push({
        userId: createdBy,
        actionId: id,
        message: returnComment ?? returnComments[0],
        readAt: isTheDemoOne ? null : `${addDays(p.date, 5)}T09:00:00.000Z`,
        createdAt: `${addDays(p.date, random.int(1, 4))}T16:00:00.000Z`,
      })
    }
  }
  if (notificationsToAdd.length)
    db.insert(notifications)
      .values(notificationsToAdd.map((n) => ({ ...n, kind: 'action_returned' })))
      .run()
}

function figuresFor(
  typeKey: TypeKey,
  random: Random,
): { participants: number | null; onlineReach: number | null; engagements: number | null } {
  const maybe = (p: number, min: number, max: number) => (random.chance(p) ? random.int(min, max) : null)
  switch (typeKey) {
    case 'social_post':
      return { participants: null, onlineReach: maybe(0.85, 250, 12_000), engagements: maybe(0.8, 4, 420) }
    case 'presentation':
      return { participants: random.int(15, 260), onlineReach: null, engagements: null }
    case 'conference_talk':
      return { participants: random.int(40, 400), onlineReach: maybe(0.3, 200, 3000), engagements: null }
    case 'press':
      return { participants: null, onlineReach: maybe(0.7, 2_000, 90_000), engagements: null }
    case 'web_news':
      return { participants: null, onlineReach: maybe(0.6, 150, 4_000), engagements: null }
    case 'newsletter':
      return { participants: null, onlineReach: random.int(400, 6_000), engagements: maybe(0.4, 20, 300) }
    case 'webinar':
      return {
        participants: random.int(20, 180),
        onlineReach: maybe(0.6, 100, 2_500),
        engagements: maybe(0.4, 5, 80),
      }
    case 'policy_clinic':
    case 'partner_meeting':
      return { participants: random.int(12, 60), onlineReach: null, engagements: null }
    case 'bilateral_meeting':
      return { participants: random.int(2, 12), onlineReach: null, engagements: null }
    case 'video':
      return { participants: null, onlineReach: random.int(150, 9_000), engagements: maybe(0.7, 5, 350) }
    case 'publication':
      return { participants: null, onlineReach: maybe(0.5, 100, 2_000), engagements: null }
    case 'creative_format':
      return { participants: random.int(15, 120), onlineReach: null, engagements: null }
  }
}

const newspapers: Record<string, string> = {
  'San Sebastián': 'www.diariovasco.com',
  Barcelona: 'www.elperiodico.com',
  Medellín: 'www.elcolombiano.com',
  Porto: 'www.jn.pt',
  Bologna: 'www.ilrestodelcarlino.it',
  Lyon: 'www.leprogres.fr',
  Gdańsk: 'www.trojmiasto.pl',
  Tampere: 'www.aamulehti.fi',
}

const websites: Record<string, string> = {
  'San Sebastián': 'www.donostia.eus',
  Barcelona: 'www.barcelona.cat',
  Medellín: 'www.medellin.gov.co',
  Porto: 'www.porto.pt',
  Bologna: 'www.comune.bologna.it',
  Lyon: 'www.lyon.fr',
  Gdańsk: 'www.gdansk.pl',
  Tampere: 'www.tampere.fi',
}

function slug(title: string) {
  return title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
}

function digits(random: Random, n: number) {
  let s = String(random.int(1, 9))
  while (s.length < n) s += String(random.int(0, 9))
  return s
}

function evidenceFor(
  p: { partnerName: string; typeKey: TypeKey; channelKey: string; title: string },
  random: Random,
): string | null {
  const h = handle(p.partnerName)
  if (p.typeKey === 'social_post' || (p.typeKey === 'video' && p.channelKey !== 'youtube')) {
    if (!random.chance(0.85)) return null
    switch (p.channelKey) {
      case 'linkedin':
        return `https://www.linkedin.com/posts/${h}-city_${slug(p.title).slice(0, 40)}-activity-${digits(random, 19)}-${random.pick(['aBcD', 'x9Qe', 'Lm3T', 'pR7w'])}`
      case 'mastodon':
        return `https://mastodon.social/@${h}/${digits(random, 18)}`
      case 'bluesky':
        return `https://bsky.app/profile/${h}.bsky.social/post/3l${Array.from({ length: 11 }, () => random.pick([...'abcdefghijklmnopqrstuvwxyz234567'])).join('')}`
      case 'instagram':
        return `https://www.instagram.com/p/${Array.from({ length: 11 }, () => random.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'])).join('')}/`
      case 'facebook':
        return `https://www.facebook.com/${h}city/posts/${digits(random, 16)}`
      default:
        return `https://x.com/${h}city/status/${digits(random, 19)}`
    }
  }
  if (p.typeKey === 'video' || p.typeKey === 'webinar')
    return random.chance(0.7)
      ? `https://www.youtube.com/watch?v=${Array.from({ length: 11 }, () => random.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'])).join('')}`
      : null
  if (p.typeKey === 'press')
    return random.chance(0.8)
      ? `https://${newspapers[p.partnerName] ?? 'www.example-news.eu'}/${slug(p.title)}-${digits(random, 6)}.html`
      : null
  if (p.typeKey === 'web_news' || p.typeKey === 'publication' || p.typeKey === 'newsletter') {
    return random.chance(0.75)
      ? `https://${websites[p.partnerName] ?? 'www.example.eu'}/news/${slug(p.title)}`
      : null
  }
  if (p.typeKey === 'presentation' || p.typeKey === 'conference_talk')
    return random.chance(0.3)
      ? `https://${websites[p.partnerName] ?? 'www.example.eu'}/events/${slug(p.title)}`
      : null
  return null
}
