import { describe, expect, it } from 'vitest'

import { parseJsonValue } from '~/models/imports/parse-json.server'

import { refusalOf } from '../setup/refusal'

const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features })
const feature = (properties: unknown, geometry?: unknown) => ({ type: 'Feature', properties, geometry })
const point = (coordinates: unknown) => ({ type: 'Point', coordinates })

describe('GeoJSON: the properties are the columns', () => {
  it('one Feature alone is one row, its point giving latitude and longitude', () => {
    const json = feature({ Δήμος: 'Δήμος Θεσσαλονίκης', Χώρα: 'EL' }, point([22.9444, 40.6401]))
    expect(parseJsonValue(json, 'UTF-8')).toEqual({
      format: { type: 'geojson', encoding: 'UTF-8', hasHeader: true },
      headers: ['Δήμος', 'Χώρα', 'latitude', 'longitude'],
      rows: [{ line: 1, values: ['Δήμος Θεσσαλονίκης', 'EL', '40.6401', '22.9444'] }],
    })
  })

  it('missing, null, text or list properties, and a null feature, give empty rows', () => {
    const json = collection([
      feature({ Miasto: 'Łódź', Kraj: 'PL' }, point([19.456, 51.7592])),
      null,
      { type: 'Feature', geometry: null },
      feature(null, null),
      feature('Łódź', null),
      feature(['Łódź', 'PL'], null),
      feature({ Kraj: 'CZ', Obec: 'Brno' }, null),
    ])
    const file = parseJsonValue(json, 'ISO-8859-2')
    expect(file.headers).toEqual(['Miasto', 'Kraj', 'Obec', 'latitude', 'longitude'])
    expect(file.rows).toEqual([
      { line: 1, values: ['Łódź', 'PL', '', '51.7592', '19.456'] },
      { line: 2, values: ['', '', '', '', ''] },
      { line: 3, values: ['', '', '', '', ''] },
      { line: 4, values: ['', '', '', '', ''] },
      { line: 5, values: ['', '', '', '', ''] },
      { line: 6, values: ['', '', '', '', ''] },
      { line: 7, values: ['', 'CZ', 'Brno', '', ''] },
    ])
  })

  it('without any point there are no latitude and longitude columns', () => {
    const json = collection([
      feature({ Izena: 'Gasteizko Udala', Herria: 'Vitoria-Gasteiz' }, null),
      feature(
        { Izena: 'Bilboko Udala', Herria: 'Bilbo' },
        { type: 'LineString', coordinates: [[-2.9, 43.2]] },
      ),
    ])
    expect(parseJsonValue(json, 'UTF-8')).toEqual({
      format: { type: 'geojson', encoding: 'UTF-8', hasHeader: true },
      headers: ['Izena', 'Herria'],
      rows: [
        { line: 1, values: ['Gasteizko Udala', 'Vitoria-Gasteiz'] },
        { line: 2, values: ['Bilboko Udala', 'Bilbo'] },
      ],
    })
  })

  it('properties named latitude and longitude keep their names; the geometry columns say so', () => {
    const json = collection([
      feature({ Miasto: 'Łódź', latitude: '51,7592', longitude: '19,456' }, point([19.456, 51.7592])),
    ])
    const file = parseJsonValue(json, 'UTF-8')
    expect([file.headers, file.rows[0].values]).toEqual([
      ['Miasto', 'latitude', 'longitude', 'latitude (geometry)', 'longitude (geometry)'],
      ['Łódź', '51,7592', '19,456', '51.7592', '19.456'],
    ])
  })
})

describe('GeoJSON: which geometries give a point', () => {
  it('a Point and the first point of a MultiPoint; nothing for lines, areas or broken coordinates', () => {
    const geometries = [
      point([19.456, 51.7592]),
      {
        type: 'MultiPoint',
        coordinates: [
          [21.0122, 52.2297],
          [19.945, 50.0647],
        ],
      },
      {
        type: 'LineString',
        coordinates: [
          [16.6068, 49.1951],
          [16.61, 49.2],
        ],
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            [24.55, 46.54],
            [24.56, 46.55],
            [24.55, 46.54],
          ],
        ],
      },
      { type: 'MultiPoint', coordinates: [] },
      point('19.456,51.7592'),
      point(['19.456', 51.7592]),
      point([19.456, '51.7592']),
      point([19.456]),
      { type: 'Point' },
      null,
      undefined,
    ]
    const json = collection(geometries.map((g, i) => feature({ Nr: i + 1, Miasto: 'Łódź' }, g)))
    const file = parseJsonValue(json, 'UTF-8')
    expect(file.headers).toEqual(['Nr', 'Miasto', 'latitude', 'longitude'])
    expect(file.rows.map((r) => r.values.slice(2))).toEqual([
      ['51.7592', '19.456'],
      ['52.2297', '21.0122'],
      ...Array.from({ length: 10 }, () => ['', '']),
    ])
  })
})

describe('GeoJSON: refusals and caps', () => {
  const wide = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`Πεδίο ${i + 1}`, 'α']))

  it.each([
    ['features that are not a list', { type: 'FeatureCollection', features: 7 }, 'errors.geojsonShape'],
    ['no features', { type: 'FeatureCollection' }, 'errors.geojsonShape'],
    ['an empty collection', collection([]), 'errors.empty'],
    ['one property and no point', collection([feature({ Δήμος: 'Αθήνα' }, null)]), 'errors.oneColumn'],
    ['an object of another type', { type: 'Topology', objects: {} }, 'errors.jsonShape'],
  ])('%s', (_, json, reason) => {
    expect(refusalOf(() => parseJsonValue(json, 'UTF-8'))).toEqual({ reason, params: {} })
  })

  it('a point alone gives two columns', () => {
    expect(parseJsonValue(feature({}, point([23.7275, 37.9838])), 'UTF-8')).toEqual({
      format: { type: 'geojson', encoding: 'UTF-8', hasHeader: true },
      headers: ['latitude', 'longitude'],
      rows: [{ line: 1, values: ['37.9838', '23.7275'] }],
    })
  })

  it('the two geometry columns count towards the cap of 200', () => {
    const file = parseJsonValue(feature(wide(198), point([23.7275, 37.9838])), 'UTF-8')
    expect([file.headers.length, file.headers.slice(-3)]).toEqual([
      200,
      ['Πεδίο 198', 'latitude', 'longitude'],
    ])
    expect(refusalOf(() => parseJsonValue(feature(wide(199), point([23.7275, 37.9838])), 'UTF-8'))).toEqual({
      reason: 'errors.tooManyColumns',
      params: { max: 200, found: 201 },
    })
  })
})
