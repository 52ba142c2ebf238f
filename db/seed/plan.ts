import { eq } from 'drizzle-orm'

import type { DB } from '../client'
import {
  actionTypes,
  channels,
  engagementStrategies,
  type EventKind,
  events,
  indicatorMappings,
  materialFiles,
  materials,
  plannedActivities,
  type PlanSectionKey,
  planSections,
  planSectionVersions,
  stakeholderCategories,
  type StakeholderFilter,
  stakeholderGroups,
  strategyMessages,
  targets,
} from '../schema'
import type { CoreSeed } from './core'
import type { Random } from './random'

const planText: Record<PlanSectionKey, string> = {
  purpose: `**Cities in Dialogue** brings eight cities together — San Sebastián (lead partner), Barcelona, Medellín, Porto, Bologna, Lyon, Gdańsk and Tampere — to learn how cities *communicate* creative and urban innovation beyond their own borders.

This plan exists so that what one city learns does not stay in that city. It tells every partner:

- **why** we communicate (to transfer practice, not to advertise),
- **to whom** (the stakeholder groups in part 4),
- **what** we say (part 5) and **how** (part 6),
- **when** and **who** does it (the work plan, part 7), and
- **how we know it worked** (the targets in part 8).`,
  situation: `At kick-off, each partner mapped its current communication:

| City | Strength | Gap |
|---|---|---|
| San Sebastián | Strong local press, bilingual (Basque/Spanish) | Little presence in EU networks |
| Barcelona | Large social media audience | Messages rarely mention the network |
| Porto | Good links with universities | No English-language channel |
| Bologna | Policy clinics with civil society | Few links with other funded projects |
| Lyon | Experience in URBACT | Communication done by one person |
| Gdańsk | Active in Eurocities | Polish-only newsletter |
| Tampere | Living labs with companies | Finnish-only web pages |
| Medellín | Innovation district with international reach | Time difference, few joint events |

Common findings: actions happen but are not recorded; evidence is scattered in e-mails; nobody knows which stakeholders were already reached.`,
  objectives: `### Organisational objectives
1. Every partner logs its dissemination actions within a week, with evidence.
2. The communications lead validates actions monthly and reports against targets.

### Communication objectives
1. **Transfer**: present the network's practice at least once a quarter in each partner city.
2. **Reach**: 8,000 participants and 120 validated actions in 2026.
3. **Engage**: reach two thirds of tier-A stakeholders each year; 120 new stakeholders engaged in 2026.
4. **Link**: establish formal links with at least 10 other funded projects (URBACT, Interreg, Horizon).
5. **Languages**: communicate in at least 5 of the 7 working languages every year.`,
  stakeholders: `Our stakeholder groups are saved filters over the register, so their members are always current (see *Stakeholder groups*):

- **Universities in partner cities** — research partners and multipliers towards students.
- **Tier A** — the highest-priority stakeholders from the scoring grid.
- **Other URBACT networks** — peers to exchange with and link to.
- **Local and regional authorities** — the first users of what we learn.

The power/interest grid tells us how closely to manage each one.`,
  messages: `Key messages are kept per group and per language on each group's page. The core message, in every working language:

> Cities learn faster together: Cities in Dialogue turns creative and urban innovation into practice other cities can reuse.

- **For universities**: our cities are open living labs; co-design research questions with us.
- **For tier A**: the network is a low-cost way to test and scale your policies.
- **For other networks**: let us share tools and audiences rather than compete for them.`,
  methods: `- **Events**: transnational partner meetings, policy clinics on a theme, webinars, site visits.
- **Digital**: LinkedIn and Mastodon posts by each partner, a shared newsletter each quarter, news on the partners' websites.
- **Press**: a press release after each transnational meeting, in the host's language and English.
- **Common materials**: the project presentation, logos and templates in every working language (see *Materials*).
- **Bilateral meetings** with tier-A stakeholders, led by the partner who owns the relationship.`,
  work_plan: `The work plan lists each planned activity — what, which partner, when, on which channel, for which group — and links it to the logged actions that fulfil it. Overdue activities are flagged.

See **Work plan** for the full, current list; event-specific activities are on each event's page.`,
  evaluation: `We evaluate with the targets on the **Targets** page (actual figures come from validated actions) and the programme indicators:

- **RCO115** — public events across borders jointly organised;
- **RCO81** — participations in joint actions across borders;
- **RCO87** — organisations cooperating across borders.

The steering group reviews the coverage dashboard monthly; a target *at risk* or *behind* is discussed at the next partner meeting.`,
}

type ActivitySeed = {
  title: string
  partner: string
  due: string
  type?: string
  channel?: string
  group?: string
  phase?: 'before' | 'during' | 'after'
  description?: string
}

// A tiny valid PDF, so the demo has a downloadable uploaded file.
const samplePdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
)

/** Demo plan: the eight parts, groups with messages, events with their plans, a work plan, materials, indicator mappings, targets. */
export function seedPlan(db: DB, core: CoreSeed, _random: Random) {
  const comms = core.userIds.get('comms@demo.ripple') ?? null
  const partner = (name: string) => core.partnerIds.get(name)!
  const typeId = (key: string) =>
    db.select({ id: actionTypes.id }).from(actionTypes).where(eq(actionTypes.key, key)).get()?.id ?? null
  const channelId = (key: string) =>
    db.select({ id: channels.id }).from(channels).where(eq(channels.key, key)).get()?.id ?? null
  const categoryId = (key: string) =>
    db
      .select({ id: stakeholderCategories.id })
      .from(stakeholderCategories)
      .where(eq(stakeholderCategories.key, key))
      .get()?.id

  // 1. The plan, each part saved once (its first version).
  for (const [key, body] of Object.entries(planText) as [PlanSectionKey, string][]) {
    const id = db
      .insert(planSections)
      .values({ key, body, updatedBy: comms })
      .returning({ id: planSections.id })
      .get().id
    db.insert(planSectionVersions).values({ sectionId: id, body, userId: comms }).run()
  }

  // 2. Stakeholder groups (saved register filters) with methods and key messages per language.
  const groupSeeds: {
    name: string
    description: string
    filter: StakeholderFilter
    methods: string
    messages: Record<string, string>
  }[] = [
    {
      name: 'Universities in partner cities',
      description: 'Universities and research centres: co-researchers and multipliers towards students.',
      filter: categoryId('university') ? { category: String(categoryId('university')) } : { q: 'university' },
      methods:
        'Guest lectures by partner officers; joint student challenges at policy clinics; shared living-lab calls.',
      messages: {
        en: 'Our cities are open living labs: co-design research questions with us.',
        es: 'Nuestras ciudades son laboratorios vivos abiertos: diseña con nosotros las preguntas de investigación.',
        it: 'Le nostre città sono laboratori viventi aperti: progetta con noi le domande di ricerca.',
        pt: 'As nossas cidades são laboratórios vivos abertos: desenhe connosco as perguntas de investigação.',
      },
    },
    {
      name: 'Tier A',
      description: 'The highest-priority stakeholders from the scoring grid.',
      filter: { tier: 'A' },
      methods:
        'Bilateral meetings led by the owning partner; personal invitations to policy clinics; early access to outputs.',
      messages: {
        en: 'Cities in Dialogue is a low-cost way to test and scale your policies with eight cities.',
        es: 'Cities in Dialogue es una forma económica de probar y escalar tus políticas con ocho ciudades.',
        fr: 'Cities in Dialogue est un moyen peu coûteux de tester et d’étendre vos politiques avec huit villes.',
      },
    },
    {
      name: 'Other URBACT networks',
      description: 'Peer networks to exchange tools and audiences with.',
      filter: categoryId('urbact_network')
        ? { category: String(categoryId('urbact_network')) }
        : { q: 'urbact' },
      methods: 'Joint webinars; cross-posting on LinkedIn; a shared session at the URBACT City Festival.',
      messages: {
        en: 'Let us share tools and audiences rather than compete for them.',
        es: 'Compartamos herramientas y públicos en lugar de competir por ellos.',
      },
    },
    {
      name: 'Local and regional authorities',
      description: 'Authorities that can reuse what the network learns.',
      filter: categoryId('local_authority')
        ? { category: String(categoryId('local_authority')) }
        : { q: 'city' },
      methods: 'Policy clinics; the newsletter; site visits to the partner cities.',
      messages: {
        en: 'Reuse what eight cities learnt: tools, cases and contacts are open.',
        es: 'Reutiliza lo que aprendieron ocho ciudades: herramientas, casos y contactos abiertos.',
        pl: 'Wykorzystaj to, czego nauczyło się osiem miast: narzędzia, przypadki i kontakty są otwarte.',
      },
    },
  ]
  const groupIds = new Map<string, number>()
  for (const g of groupSeeds) {
    const id = db
      .insert(stakeholderGroups)
      .values({ name: g.name, description: g.description, filter: g.filter })
      .returning({ id: stakeholderGroups.id })
      .get().id
    groupIds.set(g.name, id)
    const strategyId = db
      .insert(engagementStrategies)
      .values({ groupId: id, methods: g.methods })
      .returning({ id: engagementStrategies.id })
      .get().id
    for (const [language, message] of Object.entries(g.messages))
      db.insert(strategyMessages).values({ strategyId, language, message }).run()
  }
  const group = (name?: string) => (name ? (groupIds.get(name) ?? null) : null)

  // 3. Events with their own plans.
  const [creative, urban, participation] = core.themeIds
  const eventSeeds: {
    kind: EventKind
    title: string
    themeId: number
    startDate: string
    endDate?: string
    place?: string
    online?: boolean
    host: string
    registrations?: number
    attendance?: number
    description: string
    groups: string[]
    messages: string
    notes: string
    activities: ActivitySeed[]
  }[] = [
    {
      kind: 'partner_meeting',
      title: 'Transnational partner meeting in Porto',
      themeId: urban,
      startDate: '2026-03-24',
      endDate: '2026-03-26',
      place: 'Porto, Mercado do Bolhão',
      host: 'Porto',
      registrations: 46,
      attendance: 41,
      description:
        'Second transnational meeting: urban regeneration of market halls and the role of creative industries.',
      groups: ['Universities in partner cities', 'Tier A'],
      messages:
        '- Market halls are where creative and urban innovation meet citizens.\n- Porto shows how a regenerated market becomes a stage for local makers.',
      notes:
        'Invite the University of Porto architecture faculty to the site visit. Press release in Portuguese and English on the last day.',
      activities: [
        {
          title: 'Save-the-date post on LinkedIn',
          partner: 'Porto',
          due: '2026-02-24',
          type: 'social_post',
          channel: 'linkedin',
          phase: 'before',
        },
        {
          title: 'Invite tier-A stakeholders personally',
          partner: 'San Sebastián',
          due: '2026-03-03',
          type: 'bilateral_meeting',
          channel: 'in_person',
          group: 'Tier A',
          phase: 'before',
        },
        {
          title: 'Live posts from the site visit',
          partner: 'Porto',
          due: '2026-03-25',
          type: 'social_post',
          channel: 'mastodon',
          phase: 'during',
        },
        {
          title: 'Press release after the meeting',
          partner: 'Porto',
          due: '2026-03-27',
          type: 'press',
          channel: 'print_press',
          phase: 'after',
        },
        {
          title: 'Newsletter feature on the Porto meeting',
          partner: 'San Sebastián',
          due: '2026-04-15',
          type: 'newsletter',
          channel: 'newsletter',
          phase: 'after',
        },
      ],
    },
    {
      kind: 'policy_clinic',
      title: 'Policy clinic: creative innovation in public spaces (Bologna)',
      themeId: creative,
      startDate: '2026-06-10',
      endDate: '2026-06-11',
      place: 'Bologna, Salaborsa',
      host: 'Bologna',
      registrations: 64,
      attendance: 52,
      description:
        'A policy clinic centred on creative innovation: how cities open public spaces to cultural and creative experiments.',
      groups: ['Local and regional authorities', 'Universities in partner cities', 'Other URBACT networks'],
      messages:
        '- Public space is the city’s largest creative venue.\n- Temporary uses are policy experiments: measure them, then make them permanent.\n- Bologna’s collaboration pacts show how citizens and the city share responsibility.',
      notes:
        'Everything about this clinic is about creative innovation in public spaces: speakers, cases and the site visit to the Pilastro district.',
      activities: [
        {
          title: 'Call for cases from other URBACT networks',
          partner: 'Bologna',
          due: '2026-04-30',
          type: 'web_news',
          channel: 'website',
          group: 'Other URBACT networks',
          phase: 'before',
        },
        {
          title: 'Invitation to local authorities in the region',
          partner: 'Bologna',
          due: '2026-05-20',
          type: 'newsletter',
          channel: 'newsletter',
          group: 'Local and regional authorities',
          phase: 'before',
        },
        {
          title: 'Clinic session with university researchers',
          partner: 'Bologna',
          due: '2026-06-10',
          type: 'policy_clinic',
          channel: 'in_person',
          group: 'Universities in partner cities',
          phase: 'during',
        },
        {
          title: 'Video summary of the clinic',
          partner: 'Lyon',
          due: '2026-07-10',
          type: 'video',
          channel: 'youtube',
          phase: 'after',
        },
        {
          title: 'Policy brief on creative uses of public space',
          partner: 'Bologna',
          due: '2026-09-30',
          type: 'publication',
          channel: 'website',
          phase: 'after',
        },
      ],
    },
    {
      kind: 'webinar',
      title: 'Webinar: citizens co-designing innovation districts',
      themeId: participation,
      startDate: '2026-10-15',
      online: true,
      host: 'San Sebastián',
      registrations: 182,
      attendance: 126,
      description:
        'Medellín, Tampere and San Sebastián on how citizens take part in designing innovation districts.',
      groups: ['Tier A', 'Other URBACT networks'],
      messages:
        '- Innovation districts work when neighbours help design them.\n- Three continents, one method: open calls, living labs, public review.',
      notes:
        'Scheduled at 16:00 CET so Medellín can join in the morning. Recording published with Spanish and English subtitles.',
      activities: [
        {
          title: 'Announce the webinar in the newsletter',
          partner: 'San Sebastián',
          due: '2026-09-25',
          type: 'newsletter',
          channel: 'newsletter',
          phase: 'before',
        },
        {
          title: 'Cross-post with other URBACT networks',
          partner: 'Tampere',
          due: '2026-10-05',
          type: 'social_post',
          channel: 'linkedin',
          group: 'Other URBACT networks',
          phase: 'before',
        },
        {
          title: 'Run the webinar',
          partner: 'San Sebastián',
          due: '2026-10-15',
          type: 'webinar',
          channel: 'online_event',
          phase: 'during',
        },
        {
          title: 'Publish the recording with subtitles',
          partner: 'Medellín',
          due: '2026-10-30',
          type: 'video',
          channel: 'youtube',
          phase: 'after',
        },
      ],
    },
  ]
  const eventIds: number[] = []
  for (const e of eventSeeds) {
    const id = db
      .insert(events)
      .values({
        kind: e.kind,
        title: e.title,
        themeId: e.themeId,
        startDate: e.startDate,
        endDate: e.endDate ?? null,
        place: e.place ?? null,
        online: e.online ?? false,
        hostPartnerId: partner(e.host),
        registrations: e.registrations ?? null,
        attendance: e.attendance ?? null,
        description: e.description,
        planTargetGroupIds: e.groups.map((g) => groupIds.get(g)!).filter(Boolean),
        planMessages: e.messages,
        planNotes: e.notes,
        crossBorder: true,
      })
      .returning({ id: events.id })
      .get().id
    eventIds.push(id)
    for (const a of e.activities) insertActivity(a, id)
  }

  // 4. The rest of the work plan (some already overdue at the demo date, November 2026).
  const general: ActivitySeed[] = [
    {
      title: 'Quarterly newsletter Q1',
      partner: 'San Sebastián',
      due: '2026-03-31',
      type: 'newsletter',
      channel: 'newsletter',
    },
    {
      title: 'Present the network at Barcelona’s urban innovation forum',
      partner: 'Barcelona',
      due: '2026-05-15',
      type: 'presentation',
      channel: 'in_person',
      group: 'Local and regional authorities',
    },
    {
      title: 'Guest lecture at the University of Gdańsk',
      partner: 'Gdańsk',
      due: '2026-05-29',
      type: 'presentation',
      channel: 'in_person',
      group: 'Universities in partner cities',
    },
    {
      title: 'Article in Lyon’s city magazine',
      partner: 'Lyon',
      due: '2026-06-30',
      type: 'press',
      channel: 'print_press',
    },
    {
      title: 'Quarterly newsletter Q2',
      partner: 'San Sebastián',
      due: '2026-06-30',
      type: 'newsletter',
      channel: 'newsletter',
    },
    {
      title: 'Talk at the URBACT City Festival',
      partner: 'Lyon',
      due: '2026-09-18',
      type: 'conference_talk',
      channel: 'in_person',
      group: 'Other URBACT networks',
    },
    {
      title: 'Finnish web page on the network',
      partner: 'Tampere',
      due: '2026-09-30',
      type: 'web_news',
      channel: 'website',
    },
    {
      title: 'Bilateral meeting with the regional government of Antioquia',
      partner: 'Medellín',
      due: '2026-10-20',
      type: 'bilateral_meeting',
      channel: 'in_person',
      group: 'Tier A',
    },
    {
      title: 'Quarterly newsletter Q4',
      partner: 'San Sebastián',
      due: '2026-12-18',
      type: 'newsletter',
      channel: 'newsletter',
    },
    {
      title: 'Gamified city walk for students',
      partner: 'Porto',
      due: '2027-02-26',
      type: 'creative_format',
      channel: 'in_person',
      group: 'Universities in partner cities',
    },
  ]
  for (const a of general) insertActivity(a, null)

  function insertActivity(a: ActivitySeed, eventId: number | null) {
    db.insert(plannedActivities)
      .values({
        title: a.title,
        description: a.description ?? null,
        partnerId: partner(a.partner),
        dueDate: a.due,
        typeId: a.type ? typeId(a.type) : null,
        channelId: a.channel ? channelId(a.channel) : null,
        groupId: group(a.group),
        eventId,
        phase: a.phase ?? null,
      })
      .run()
  }

  // 5. Common materials in several languages (one uploaded file; the rest are links).
  const fileId = db
    .insert(materialFiles)
    .values({
      fileName: 'cities-in-dialogue-factsheet-en.pdf',
      contentType: 'application/pdf',
      size: samplePdf.length,
      data: samplePdf,
    })
    .returning({ id: materialFiles.id })
    .get().id
  const materialSeeds: (typeof materials.$inferInsert)[] = [
    {
      title: 'Project presentation',
      kind: 'presentation',
      language: 'en',
      version: '3',
      url: 'https://citiesindialogue.example.eu/materials/presentation-en.pptx',
      description: 'The common 10-slide presentation of the network.',
    },
    {
      title: 'Presentación del proyecto',
      kind: 'presentation',
      language: 'es',
      version: '3',
      url: 'https://citiesindialogue.example.eu/materials/presentation-es.pptx',
    },
    {
      title: 'Presentazione del progetto',
      kind: 'presentation',
      language: 'it',
      version: '2',
      url: 'https://citiesindialogue.example.eu/materials/presentation-it.pptx',
    },
    {
      title: 'Apresentação do projeto',
      kind: 'presentation',
      language: 'pt',
      version: '2',
      url: 'https://citiesindialogue.example.eu/materials/presentation-pt.pptx',
    },
    {
      title: 'Project presentation',
      kind: 'presentation',
      language: 'fr',
      version: '1',
      url: 'https://citiesindialogue.example.eu/materials/presentation-fr.pptx',
    },
    {
      title: 'Logo pack',
      kind: 'logo',
      language: 'en',
      version: '1',
      url: 'https://citiesindialogue.example.eu/materials/logo-pack.zip',
    },
    {
      title: 'Key messages',
      kind: 'key_messages',
      language: 'en',
      version: '2',
      url: 'https://citiesindialogue.example.eu/materials/key-messages-en.docx',
    },
    {
      title: 'Mensajes clave',
      kind: 'key_messages',
      language: 'es',
      version: '2',
      url: 'https://citiesindialogue.example.eu/materials/key-messages-es.docx',
    },
    {
      title: 'Kluczowe przesłania',
      kind: 'key_messages',
      language: 'pl',
      version: '1',
      url: 'https://citiesindialogue.example.eu/materials/key-messages-pl.docx',
    },
    {
      title: 'Press release template',
      kind: 'template',
      language: 'en',
      version: '1',
      url: 'https://citiesindialogue.example.eu/materials/press-template.docx',
    },
    {
      title: 'Factsheet',
      kind: 'brochure',
      language: 'en',
      version: '1',
      fileId,
      description: 'One-page factsheet (PDF).',
    },
  ]
  for (const m of materialSeeds) db.insert(materials).values(m).run()

  // 6. Programme indicators: which event kinds and action types count.
  const mappings: (typeof indicatorMappings.$inferInsert)[] = [
    ...(['policy_clinic', 'conference', 'webinar', 'site_visit', 'consultation'] as EventKind[]).map(
      (eventKind) => ({ indicator: 'RCO115', eventKind }),
    ),
    ...(
      [
        'partner_meeting',
        'policy_clinic',
        'conference',
        'webinar',
        'site_visit',
        'consultation',
      ] as EventKind[]
    ).map((eventKind) => ({ indicator: 'RCO81', eventKind })),
    ...['presentation', 'conference_talk', 'webinar', 'policy_clinic', 'partner_meeting'].map((key) => ({
      indicator: 'RCO81',
      typeId: typeId(key),
    })),
  ]
  for (const m of mappings) if (m.eventKind || m.typeId) db.insert(indicatorMappings).values(m).run()

  // 7. Targets: some met with the demo actions, some behind.
  const y2026 = {
    periodKind: 'reporting_period' as const,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
  }
  const targetSeeds: (typeof targets.$inferInsert)[] = [
    { label: 'Validated actions in 2026', metric: 'actions', ...y2026, value: 120 },
    { label: 'Participants in 2026', metric: 'participants', ...y2026, value: 8000 },
    { label: 'Online reach in 2026', metric: 'online_reach', ...y2026, value: 1000000 },
    { label: 'Working languages used in 2026', metric: 'languages_covered', ...y2026, value: 5 },
    {
      label: 'San Sebastián: actions in 2026',
      metric: 'actions',
      ...y2026,
      breakdown: 'partner',
      breakdownValue: String(partner('San Sebastián')),
      value: 20,
    },
    {
      label: 'Barcelona: actions in 2026',
      metric: 'actions',
      ...y2026,
      breakdown: 'partner',
      breakdownValue: String(partner('Barcelona')),
      value: 50,
    },
    {
      label: 'Gdańsk: actions in 2026',
      metric: 'actions',
      ...y2026,
      breakdown: 'partner',
      breakdownValue: String(partner('Gdańsk')),
      value: 40,
    },
    {
      label: 'Tier-A stakeholders reached in 2026',
      metric: 'group_share_reached',
      ...y2026,
      breakdown: 'group',
      breakdownValue: String(groupIds.get('Tier A')),
      value: 66,
    },
    { label: 'New stakeholders engaged in 2026', metric: 'new_stakeholders_engaged', ...y2026, value: 120 },
    {
      label: 'Links with other funded projects',
      metric: 'funded_project_links',
      periodKind: 'project',
      periodStart: '2025-01-01',
      periodEnd: '2027-12-31',
      value: 10,
    },
    {
      label: 'Distinct stakeholders reached (project)',
      metric: 'stakeholders_reached',
      periodKind: 'project',
      periodStart: '2025-01-01',
      periodEnd: '2027-12-31',
      value: 150,
    },
    {
      label: 'Partners active in Q4 2026',
      metric: 'partners_active',
      periodKind: 'quarter',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      value: 8,
    },
    {
      label: 'LinkedIn posts in November 2026',
      metric: 'actions',
      periodKind: 'month',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      breakdown: 'channel',
      breakdownValue: String(channelId('linkedin')),
      value: 10,
    },
  ]
  for (const t of targetSeeds)
    if (t.breakdownValue !== 'null' && t.breakdownValue !== 'undefined') db.insert(targets).values(t).run()

  return { eventIds, groupIds }
}
