import { describe, expect, it } from 'vitest'

import {
  type ReportDocument,
  type ReportSection,
  type ValueReportData,
  valueReportDocument,
  valueReportDocx,
  valueReportMarkdown,
} from '~/models/reports/index.server'
import { formatDate, formatMonth, formatNumber } from '~/utils/format'

import { unzipText } from '../setup/unzip'

/*
 * The value report's document (the page, the Word file and the Markdown all render it) from data
 * written by hand: every section's title, table and sentence in English, the empty cases, and the
 * report's own language (Spanish) whatever the reader's.
 */

const d = (iso: string) => formatDate(iso, 'en', 'long')
const n = (v: number) => formatNumber(v, 'en')

function data(over: Partial<ValueReportData> = {}): ValueReportData {
  return {
    from: '2032-01',
    to: '2032-03',
    projectName: 'Urban Commons',
    intro: { en: '  We **grew**.  ', es: 'Crecimos.' },
    outputs: { actions: 3, participants: 1250, onlineReach: 1500, engagements: 75, verifiedOutcomes: 1 },
    programme: [{ code: 'RCO87', value: 4 }],
    stories: [
      {
        id: 7,
        type: 'policy_change',
        date: '2032-02-14',
        title: 'Łódź adopts the street plan',
        description: 'Rada Miejska głosowała.',
        evidenceUrl: 'https://uml.lodz.pl/plan',
        partnerId: 1,
        partnerName: 'Łódź',
        stakeholders: [{ id: 3, name: 'Urząd Miasta Łodzi', city: 'Łódź', country: 'PL' }],
        actions: [{ id: 11, date: '2032-02-10', title: 'Warsztaty', partnerName: 'Łódź' }],
        events: [{ id: 21, startDate: '2032-02-12', title: 'Forum miejskie' }],
      },
    ],
    indicators: [
      {
        code: 'R1',
        name: 'Cities using the toolkit',
        unit: 'cities',
        baselineValue: 2,
        baselineDate: '2031-12-31',
        current: 5,
        target: 10,
      },
      {
        code: 'R2',
        name: 'Δήμοι',
        unit: 'δήμοι',
        baselineValue: 0,
        baselineDate: null,
        current: 1,
        target: null,
      },
    ],
    partners: [
      {
        id: 1,
        name: 'Łódź',
        actions: 2,
        participants: 1250,
        onlineReach: 1000,
        engagements: 55,
        outcomes: 1,
        events: 1,
      },
    ],
    next: {
      rows: [
        { id: 31, title: 'Webinar', dueDate: '2032-04-20', partnerName: null, eventTitle: 'Forum' },
        { id: 32, title: 'Newsletter', dueDate: '2032-05-01', partnerName: 'Θεσσαλονίκη', eventTitle: null },
      ],
      total: 5,
    },
    ...over,
  } as unknown as ValueReportData
}

const section = (sections: ReportSection[], id: string) => sections.find((s) => s.id === id)!

describe('the value report document', () => {
  it('says everything in English, section by section', () => {
    const doc = valueReportDocument(data(), 'en', '2032-04-03')
    expect(doc).toMatchObject({
      lang: 'en',
      title: 'Urban Commons: the value of our work',
      subtitle: `Reporting period ${formatMonth('2032-01', 'en')} – ${formatMonth('2032-03', 'en')}`,
      generated: `Made with Ripple on ${d('2032-04-03')}.`,
      labels: {
        organisations: 'Organisations involved',
        actionsBehind: 'Actions behind it',
        eventsBehind: 'Events behind it',
        evidence: 'Evidence',
      },
    })
    expect(doc.sections.map((s) => [s.id, s.title])).toEqual([
      ['intro', 'Introduction'],
      ['outputs', 'Headline outputs'],
      ['stories', 'What changed: outcomes'],
      ['indicators', 'Result indicators against baseline and target'],
      ['partners', "Each partner's contribution"],
      ['next', 'What comes next'],
    ])
    expect(section(doc.sections, 'intro').blocks).toEqual([
      { kind: 'markdown', source: 'We **grew**.' },
      {
        kind: 'paragraph',
        text:
          `From ${formatMonth('2032-01', 'en')} to ${formatMonth('2032-03', 'en')} the partners carried out 3 validated ` +
          `dissemination actions, with ${n(1250)} participants in the room and an online reach of ${n(1500)}. ` +
          "1 outcome was verified: a change beyond the project's own outputs.",
      },
    ])
    const outputs = section(doc.sections, 'outputs')
    expect(outputs.blocks[0]).toEqual({
      kind: 'table',
      table: {
        caption: 'Headline outputs',
        head: ['Figure', 'Value'],
        rows: [
          ['Validated actions', '3'],
          ['Participants (people in the room)', n(1250)],
          ['Online reach', n(1500)],
          ['Engagements', '75'],
          ['Verified outcomes', '1'],
          [expect.stringMatching(/^RCO87 \S/), '4'],
        ],
        numeric: [false, true],
      },
    })
    expect(outputs.blocks[1]).toMatchObject({
      kind: 'paragraph',
      text: expect.stringMatching(/^Counted as the reach dashboard/),
    })
    expect(section(doc.sections, 'stories').blocks).toEqual([
      {
        kind: 'story',
        story: {
          id: 7,
          title: 'Łódź adopts the street plan',
          meta: expect.stringMatching(new RegExp(`^${d('2032-02-14')} · Łódź · \\S`)),
          description: 'Rada Miejska głosowała.',
          evidenceUrl: 'https://uml.lodz.pl/plan',
          organisations: ['Urząd Miasta Łodzi'],
          actions: [{ id: 11, text: `${d('2032-02-10')} · Warsztaty (Łódź)` }],
          events: [{ id: 21, text: `${d('2032-02-12')} · Forum miejskie` }],
        },
      },
    ])
    expect(section(doc.sections, 'indicators').blocks).toEqual([
      {
        kind: 'table',
        table: {
          caption: 'Result indicators against baseline and target',
          head: ['Code', 'Indicator', 'Baseline', 'Current', 'Target', 'Unit'],
          rows: [
            ['R1', 'Cities using the toolkit', `2 (${d('2031-12-31')})`, '5', '10', 'cities'],
            ['R2', 'Δήμοι', '0', '1', '—', 'δήμοι'],
          ],
          numeric: [false, false, true, true, true, false],
        },
      },
    ])
    expect(section(doc.sections, 'partners').blocks).toEqual([
      {
        kind: 'table',
        table: {
          caption: "Each partner's contribution",
          head: [
            'Partner',
            'Validated actions',
            'Participants (people in the room)',
            'Online reach',
            'Engagements',
            'Events hosted',
            'Verified outcomes',
          ],
          rows: [['Łódź', '2', n(1250), n(1000), '55', '1', '1']],
          numeric: [false, true, true, true, true, true, true],
        },
      },
    ])
    expect(section(doc.sections, 'next').blocks).toEqual([
      {
        kind: 'table',
        table: {
          caption: 'What comes next',
          head: ['Due', 'Activity', 'Partner'],
          rows: [
            [d('2032-04-20'), 'Webinar (at Forum)', 'Whole project'],
            [d('2032-05-01'), 'Newsletter', 'Θεσσαλονίκη'],
          ],
          numeric: [false, false, false],
        },
      },
      { kind: 'paragraph', text: 'And 3 more activities in the work plan.' },
    ])
  })

  it('says so when there is nothing to tell, and counts in the singular', () => {
    const doc = valueReportDocument(
      data({
        intro: { en: '   ', es: '' },
        outputs: { actions: 0, participants: 0, onlineReach: 0, engagements: 0, verifiedOutcomes: 0 },
        stories: [],
        indicators: [],
        next: { rows: [], total: 0 },
      }),
      'en',
    )
    const intro = section(doc.sections, 'intro').blocks
    expect(intro).toHaveLength(1)
    expect(intro[0]).toMatchObject({
      kind: 'paragraph',
      text: expect.stringMatching(/No outcome has been verified for this period yet\.$/),
    })
    expect(section(doc.sections, 'stories').blocks).toEqual([
      { kind: 'paragraph', text: 'No verified outcome is told for this period.' },
    ])
    expect(section(doc.sections, 'indicators').blocks).toEqual([
      { kind: 'paragraph', text: 'No result indicator is defined yet.' },
    ])
    expect(section(doc.sections, 'next').blocks).toEqual([
      { kind: 'paragraph', text: 'No activity is planned after this period yet.' },
    ])
    const two = valueReportDocument(
      data({ outputs: { ...data().outputs, verifiedOutcomes: 2 }, next: { ...data().next, total: 3 } }),
      'en',
    )
    expect(section(two.sections, 'intro').blocks[1]).toMatchObject({
      text: expect.stringMatching(/2 outcomes were verified/),
    })
    expect(section(two.sections, 'next').blocks.at(-1)).toEqual({
      kind: 'paragraph',
      text: 'And 1 more activity in the work plan.',
    })
    const all = valueReportDocument(data({ next: { ...data().next, total: 2 } }), 'en')
    expect(section(all.sections, 'next').blocks).toHaveLength(1)
  })

  it("is written in the report's language, with its own introduction", () => {
    const doc = valueReportDocument(data(), 'es', '2032-04-03')
    expect(doc.lang).toBe('es')
    expect(doc.title).not.toBe('Urban Commons: the value of our work')
    expect(doc.title).toContain('Urban Commons')
    expect(section(doc.sections, 'intro').blocks[0]).toEqual({ kind: 'markdown', source: 'Crecimos.' })
    expect(doc.generated).toContain(formatDate('2032-04-03', 'es', 'long'))
  })
})

describe('the value report as Markdown', () => {
  it('writes the document exactly: escaped table cells, aligned numbers, stories with and without their parts', () => {
    const doc: ReportDocument = {
      lang: 'en',
      title: 'Urban\n  Commons',
      subtitle: 'Q1',
      generated: 'Made on 1 April.',
      labels: {
        organisations: 'Orgs',
        actionsBehind: 'Actions',
        eventsBehind: 'Events',
        evidence: 'Evidence',
      },
      sections: [
        {
          id: 'intro',
          title: 'Intro',
          blocks: [
            { kind: 'markdown', source: '  **Bold** start  ' },
            { kind: 'paragraph', text: 'Plain.' },
          ],
        },
        {
          id: 'outputs',
          title: 'Outputs',
          blocks: [
            {
              kind: 'table',
              table: {
                caption: 'Outputs',
                head: ['Figure', 'Value'],
                rows: [
                  ['a|b \\ c', '1,500'],
                  ['two\n  lines', '2'],
                ],
                numeric: [false, true],
              },
            },
          ],
        },
        {
          id: 'stories',
          title: 'Stories',
          blocks: [
            {
              kind: 'story',
              story: {
                id: 1,
                title: 'Gdańsk\nacts',
                meta: 'Feb · Gdańsk',
                description: '  Done.  ',
                evidenceUrl: 'https://example.pl/a',
                organisations: ['Urząd', 'Rada\nMiasta'],
                actions: [{ id: 2, text: 'Warsztaty\n x' }],
                events: [{ id: 3, text: 'Forum' }],
              },
            },
            {
              kind: 'story',
              story: {
                id: 4,
                title: 'Bare',
                meta: 'Mar',
                description: null,
                evidenceUrl: null,
                organisations: [],
                actions: [],
                events: [],
              },
            },
          ],
        },
      ],
    }
    expect(valueReportMarkdown(doc)).toBe(
      [
        '# Urban Commons',
        '*Q1*',
        '## Intro',
        '**Bold** start',
        'Plain.',
        '## Outputs',
        '| Figure | Value |\n| --- | ---: |\n| a\\|b \\\\ c | 1,500 |\n| two lines | 2 |',
        '## Stories',
        '### Gdańsk acts\n\n*Feb · Gdańsk*\n\nDone.\n\n**Orgs:** Urząd, Rada Miasta\n\n**Actions:**\n\n- Warsztaty x\n\n**Events:**\n\n- Forum\n\n**Evidence:** <https://example.pl/a>',
        '### Bare\n\n*Mar*',
        '---\n\nMade on 1 April.',
      ].join('\n\n') + '\n',
    )
  })
})

describe('the value report as a Word document', () => {
  const count = (xml: string, what: string) => xml.split(what).length - 1

  it('renders the introduction Markdown as Word headings, runs, bullets and tables', async () => {
    const intro = [
      '# Top',
      '## Middle',
      '#### Deep',
      'We worked with **Łódź** and *Θεσσαλονίκη*, see [the plan](https://example.pl/plan) & more.',
      '- first point\n- second point',
      '| Miasto | Liczba |\n| --- | --- |\n| Brno | 7 |',
      '---',
    ].join('\n\n')
    const doc = valueReportDocument(data({ intro: { en: intro, es: '' } }), 'en', '2032-04-03')
    const zip = await valueReportDocx(doc)
    const xml = unzipText(zip, 'word/document.xml')
    const body = xml.slice(xml.indexOf('<w:body>'))
    expect(body).toMatch(/<w:pStyle w:val="Heading2"\/>.*?<w:t[^>]*>Top<\/w:t>/)
    expect(body).toMatch(/<w:pStyle w:val="Heading3"\/>.*?<w:t[^>]*>Middle<\/w:t>/)
    expect(body).toMatch(/<w:pStyle w:val="Heading4"\/>.*?<w:t[^>]*>Deep<\/w:t>/)
    expect(body).toMatch(/<w:b\/>(<w:bCs\/>)?<\/w:rPr><w:t[^>]*>Łódź<\/w:t>/)
    expect(body).toMatch(/<w:i\/>(<w:iCs\/>)?<\/w:rPr><w:t[^>]*>Θεσσαλονίκη<\/w:t>/)
    expect(body).toContain('>the plan</w:t>')
    expect(body).toContain('> (https://example.pl/plan)</w:t>')
    expect(body).toContain(' &amp; more.</w:t>')
    expect(body).not.toContain('&amp;amp;')
    expect(body).toContain('>first point</w:t>')
    expect(body).toContain('>Brno</w:t>')
    // Bullets: the two points, the story's action and event.
    expect(count(body, '<w:numPr>')).toBe(4)
    // Six sections, each after the first on a new page.
    expect(count(body, '<w:pageBreakBefore/>')).toBe(5)
    expect(count(body, '<w:pStyle w:val="Heading1"/>')).toBe(6)
    // Tables: the introduction's, outputs, indicators, partners, next; each with a repeated header row.
    expect(count(body, '<w:tblHeader/>')).toBe(5)
    const rows = 2 + 7 + 3 + 2 + 3
    expect(count(body, '<w:cantSplit/>')).toBe(rows)
    expect(count(body, '<w:jc w:val="right"/>')).toBeGreaterThan(0)
    expect(body).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:t[^>]*>1,250<\/w:t>/)
    expect(body).toMatch(
      /<w:jc w:val="left"\/><\/w:pPr><w:r><w:rPr><w:b\/>(<w:bCs\/>)?<\/w:rPr><w:t[^>]*>Figure<\/w:t>/,
    )
    // The story: heading kept with its meta, evidence linked.
    expect(body).toMatch(/<w:pStyle w:val="Heading2"\/><w:keepNext\/>.*?Łódź adopts the street plan/)
    expect(unzipText(zip, 'word/_rels/document.xml.rels')).toContain('Target="https://uml.lodz.pl/plan"')
    expect(body).toContain('<w:hyperlink')
    expect(body).toContain('>Made with Ripple on ')
    expect(unzipText(zip, 'word/styles.xml')).toContain('w:val="en-GB"')
    expect(unzipText(zip, 'docProps/core.xml')).toContain('Urban Commons: the value of our work')
  })

  it('marks a Spanish report as Spanish', async () => {
    const zip = await valueReportDocx(valueReportDocument(data(), 'es', '2032-04-03'))
    expect(unzipText(zip, 'word/styles.xml')).toContain('w:val="es-ES"')
    expect(unzipText(zip, 'docProps/core.xml')).toContain('Ripple')
  })
})
