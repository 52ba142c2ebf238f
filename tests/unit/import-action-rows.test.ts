import { beforeAll, describe, expect, it } from 'vitest'

import { actionAdapter } from '~/models/imports/action-import.server'
import { parseDate } from '~/models/imports/index.server'
import type { Cell } from '~/models/imports/parse.server'
import { rememberValueChoices, valueChoices } from '~/models/imports/values.server'
import type { Actor } from '~/utils/permissions'

import { demo } from '../setup/actors'
import { channelId, insertStakeholder, typeId } from '../setup/records'

/*
 * One row of a partner's actions spreadsheet, read by the actions import (the value step and the
 * job are in import-job*.test.ts): what becomes of each field, and each problem a user can meet.
 */

const row =
  (cells: Record<string, Cell>) =>
  (field: string): Cell =>
    cells[field] ?? ''

let partner: Actor
let read: ReturnType<typeof actionAdapter>['readRow']
let deusto: number
let eusko: number

beforeAll(() => {
  partner = demo.partner()
  deusto = 1 // Universidad de Deusto, deusto.es (seeded)
  eusko = insertStakeholder('Euskalit')
  read = actionAdapter({ actor: partner, partnerId: partner.partnerId! }).readRow
})

const typeAccepted =
  'Presentation at an event, Social media post, Press article or release, Newsletter, Website news, Conference talk, Bilateral meeting, Webinar, Policy clinic, Partner meeting, Publication, Video, Creative or gamified format, Other'
const channelAccepted =
  'In person, Online event, LinkedIn, X, Facebook, Instagram, Mastodon, Bluesky, YouTube, Website, Newsletter, Print press, Radio or TV, Other'

const valid = { title: 'Warsztaty w Łodzi', date: '2026-03-14', type: 'Webinar' }

describe('a full action row', () => {
  it('becomes a submitted action of the partner, every field read as written', () => {
    const result = read(
      row({
        title: '  Warsztaty   w\n Łodzi ',
        date: '14.03.2026',
        type: 'webinar',
        channel: 'LinkedIn',
        languages: 'pl; el, Polski',
        participants: '1 200',
        onlineReach: '',
        engagements: '35',
        evidenceUrl: 'www.lodz.example.pl/warsztaty',
        stakeholders: 'deusto.es; Euskalit | Nieznana Organizacja, Łódź\nUniversidad de Deusto',
        description: 'Opis:\n  dwa dni',
      }),
      2,
    )
    expect(result).toEqual({
      label: 'Warsztaty w Łodzi',
      candidate: {
        input: {
          partnerId: partner.partnerId,
          typeId: typeId('webinar'),
          date: '2026-03-14',
          title: 'Warsztaty w Łodzi',
          channelId: channelId('linkedin'),
          languages: ['pl', 'el'],
          participants: 1200,
          onlineReach: null,
          engagements: 35,
          evidenceUrl: 'https://www.lodz.example.pl/warsztaty',
          stakeholderIds: [deusto, eusko, deusto],
          description: 'Opis:\n  dwa dni',
          status: 'submitted',
        },
      },
      problems: [],
      warnings: [
        { reason: 'problems.unmatchedStakeholder', params: { value: 'Nieznana Organizacja, Łódź' } },
      ],
    })
  })

  it('keeps the first 5,000 characters of the description; a blank one is null', () => {
    const long = read(row({ ...valid, description: 'Θ'.repeat(5001) }), 2)
    expect(long.candidate?.input.description).toBe('Θ'.repeat(5000))
    expect(read(row({ ...valid, description: '   ' }), 2).candidate?.input.description).toBeNull()
  })

  it('keeps an address with its own scheme, and a title of exactly 300 characters', () => {
    const result = read(
      row({ ...valid, title: 'Ł'.repeat(300), evidenceUrl: 'http://gasteiz.example.eus/a' }),
      2,
    )
    expect(result.problems).toEqual([])
    expect(result.candidate?.input.evidenceUrl).toBe('http://gasteiz.example.eus/a')
    expect(result.candidate?.input.title).toBe('Ł'.repeat(300))
    const upper = read(row({ ...valid, evidenceUrl: 'HTTPS://Gasteiz.example.eus/b' }), 2)
    expect(upper.candidate?.input.evidenceUrl).toBe('HTTPS://Gasteiz.example.eus/b')
  })
})

describe('the problems of an action row', () => {
  it('an empty row: no title, no date, no type; labelled by nothing', () => {
    expect(read(row({}), 7)).toEqual({
      label: '',
      candidate: null,
      problems: [
        { reason: 'problems.missingTitle' },
        { reason: 'problems.missingDate' },
        { reason: 'problems.missingType' },
      ],
      warnings: [],
    })
  })

  it('a row without a title is labelled by its date', () => {
    const result = read(row({ date: '2026-03-14', type: 'Webinar' }), 2)
    expect(result.label).toBe('2026-03-14')
    expect(result.problems).toEqual([{ reason: 'problems.missingTitle' }])
  })

  it('a title over 300 characters, a date that is no date, an unknown type', () => {
    const result = read(row({ title: 'Ł'.repeat(301), date: '31.02.2026', type: 'Πανηγύρι' }), 2)
    expect(result.candidate).toBeNull()
    expect(result.problems).toEqual([
      { reason: 'problems.tooLong', params: { field: 'title', max: 300 } },
      { reason: 'problems.badDate', params: { value: '31.02.2026' } },
      { reason: 'problems.unknownType', params: { value: 'Πανηγύρι', accepted: typeAccepted } },
    ])
  })

  it('negative and broken figures, and an evidence link that is no web address', () => {
    const result = read(
      row({
        ...valid,
        participants: '-3',
        onlineReach: '2,5',
        engagements: 'dużo',
        evidenceUrl: 'ftp://files.example.pl/a',
      }),
      2,
    )
    expect(result.candidate).toBeNull()
    expect(result.problems).toEqual([
      { reason: 'problems.negativeNumber', params: { field: 'participants', value: '-3' } },
      { reason: 'problems.badNumber', params: { field: 'onlineReach', value: '2,5' } },
      { reason: 'problems.badNumber', params: { field: 'engagements', value: 'dużo' } },
      { reason: 'problems.badUrl', params: { value: 'ftp://files.example.pl/a' } },
    ])
  })

  it('an evidence text without a web domain is a bad link', () => {
    expect(read(row({ ...valid, evidenceUrl: 'Łódź' }), 2).problems).toEqual([
      { reason: 'problems.badUrl', params: { value: 'Łódź' } },
    ])
  })

  it('an unknown channel is a warning: the action is written without one', () => {
    const result = read(row({ ...valid, channel: 'Gołąb pocztowy' }), 2)
    expect(result.problems).toEqual([])
    expect(result.candidate?.input.channelId).toBeNull()
    expect(result.warnings).toEqual([
      { reason: 'problems.unknownChannel', params: { value: 'Gołąb pocztowy', accepted: channelAccepted } },
    ])
  })

  it('an unknown language is a warning', () => {
    const result = read(row({ ...valid, languages: 'Klingon' }), 2)
    expect(result.candidate?.input.languages).toEqual([])
    expect(result.warnings).toEqual([{ reason: 'problems.unknownLanguage', params: { value: 'Klingon' } }])
  })
})

describe('the default type chosen on the mapping page', () => {
  it('types rows without one silently, and rows with an unknown one with a warning', () => {
    const readDefault = actionAdapter({
      actor: partner,
      partnerId: partner.partnerId!,
      defaultTypeId: typeId('press'),
    }).readRow
    const blank = readDefault(row({ title: 'Gasteizko Udala', date: '2026-01-02' }), 2)
    expect(blank.candidate?.input.typeId).toBe(typeId('press'))
    expect(blank.warnings).toEqual([])
    const unknown = readDefault(row({ title: 'Gasteizko Udala', date: '2026-01-02', type: 'Ekitaldia' }), 3)
    expect(unknown.candidate?.input.typeId).toBe(typeId('press'))
    expect(unknown.warnings).toEqual([
      { reason: 'problems.unknownTypeDefault', params: { value: 'Ekitaldia' } },
    ])
    const known = readDefault(row({ title: 'Gasteizko Udala', date: '2026-01-02', type: 'Video' }), 4)
    expect(known.candidate?.input.typeId).toBe(typeId('video'))
  })
})

describe('values mapped in the value step', () => {
  it('a remembered type and channel (list ids) are used for a value that matches no entry', () => {
    const user = demo.partner()
    rememberValueChoices(user.id, 'actions', [
      { field: 'type', key: 'szkolenie', target: String(typeId('webinar')) },
      { field: 'channel', key: 'tablica', target: '' },
    ])
    const readMapped = actionAdapter({
      actor: partner,
      partnerId: partner.partnerId!,
      values: valueChoices(user.id),
    }).readRow
    const result = readMapped(row({ ...valid, type: 'Szkolenie', channel: 'Tablica' }), 2)
    expect(result.problems).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.candidate?.input.typeId).toBe(typeId('webinar'))
    expect(result.candidate?.input.channelId).toBeNull()
  })
})

describe('parseDate', () => {
  it('reads the spreadsheet forms, with a time after an ISO date', () => {
    expect(
      ['2026-03-14T10:30', '2026-03-14 10:30', ' 2026.3.4 ', '4-3-2026', '04/03/2026', '2026/03/14'].map(
        parseDate,
      ),
    ).toEqual(['2026-03-14', '2026-03-14', '2026-03-04', '2026-03-04', '2026-03-04', '2026-03-14'])
  })

  it('reads Excel serial days between 20,000 and 80,000 only', () => {
    expect(['20000', '20001', '79999', '80000', '4609', '460951'].map(parseDate)).toEqual([
      null,
      '1954-10-04',
      '2119-01-10',
      null,
      null,
      null,
    ])
  })

  it('refuses dates with extra text or impossible days', () => {
    expect(
      ['x2026-03-14', '2026-03-14x', '14/03/2026 10:00', '2026-13-01', '14.03.26'].map(parseDate),
    ).toEqual([null, null, null, null, null])
  })
})
