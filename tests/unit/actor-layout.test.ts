import { beforeEach, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { events, stakeholderCategories, stakeholders } from '#db/schema'
import {
  type ActorEdge,
  actorMapFilterSchema,
  actorMapOptions,
  actorNetwork,
  type ActorNode,
  layoutActorGraph,
} from '~/models/actors/index.server'
import { createOutcome, outcomeFormSchema } from '~/models/outcomes/index.server'
import { ForbiddenError } from '~/utils/permissions'

import { demo } from '../setup/actors'

/*
 * The actor map's drawing against coordinates worked out by hand (issue 18, point 3). On a
 * 900 × 620 canvas, centre (450, 310), outer ring 230, inner ring 230 × 0.74; three categories share
 * the circle less a 0.06 gap each, each sector sized by its actors, starting at the top (−π/2).
 * A circle's radius is 4 + 2√links, at most 15; a label sits 4 past the circle, 4 lower, anchored
 * away from the centre; a name longer than 22 characters is cut to 21 and an ellipsis.
 */

function node(id: number, name: string, categoryId: number, categoryOrder: number, links: number): ActorNode {
  return {
    id,
    name,
    categoryId,
    categoryName: { 10: 'Miasta', 20: 'Agencje', 30: 'Zzz' }[categoryId] ?? 'Inne',
    categoryKey: null,
    categoryOrder,
    links,
    weight: links,
    actions: 0,
    events: 0,
    outcomes: 0,
  }
}
const edge = (source: number, target: number, weight: number): ActorEdge => ({
  source,
  target,
  weight,
  actions: weight,
  events: 0,
  outcomes: 0,
})

// Most linked first, as actorNetwork hands them over.
const nodes = [
  node(4, 'Zarząd Transportu Miejskiego w Gdańsku', 30, 0, 100),
  node(1, 'Δήμος Αθηναίων', 10, 1, 16),
  node(3, 'Agentia Iași', 20, 1, 1),
  node(2, 'Brno', 10, 1, 0),
]
const edges = [edge(1, 2, 3), edge(1, 3, 1), edge(3, 4, 10), edge(1, 99, 2)]

describe('the actor map drawing, by hand', () => {
  // Drawn inside each test: a mutant that throws fails the test rather than the file's collection.
  let drawing: ReturnType<typeof layoutActorGraph>
  beforeEach(() => {
    drawing = layoutActorGraph(nodes, edges, 60)
  })

  it('orders categories by their order, then name, each with its colour and number shown', () => {
    expect(drawing.categories).toEqual([
      { id: 30, key: null, name: 'Zzz', colour: 0, shown: 1 },
      { id: 20, key: null, name: 'Agencje', colour: 1, shown: 1 },
      { id: 10, key: null, name: 'Miasta', colour: 2, shown: 2 },
    ])
    expect(drawing).toMatchObject({ width: 900, height: 620, total: 4 })
  })

  it('places each actor on its sector and ring, sized by its links, with its label', () => {
    const byId = Object.fromEntries(drawing.nodes.map((n) => [n.id, n]))
    expect(byId[4]).toEqual({
      id: 4,
      name: 'Zarząd Transportu Miejskiego w Gdańsku',
      categoryId: 30,
      colour: 0,
      links: 100,
      x: 608.9,
      y: 143.7,
      r: 15,
      label: { text: 'Zarząd Transportu Mie…', x: 622, y: 134, anchor: 'start' },
    })
    expect(byId[3]).toMatchObject({
      x: 613.8,
      y: 471.4,
      r: 6,
      colour: 1,
      label: { text: 'Agentia Iași', x: 620.9, y: 482.4, anchor: 'start' },
    })
    expect(byId[1]).toMatchObject({
      x: 286.2,
      y: 471.4,
      r: 12,
      colour: 2,
      label: { text: 'Δήμος Αθηναίων', x: 274.8, y: 486.6, anchor: 'end' },
    })
    // The second actor of a sector sits on the inner ring.
    expect(byId[2]).toMatchObject({
      x: 325.2,
      y: 194.2,
      r: 4,
      label: { text: 'Brno', x: 319.3, y: 192.8, anchor: 'end' },
    })
    expect(Math.hypot(byId[2]!.x - 450, byId[2]!.y - 310)).toBeCloseTo(230 * 0.74, 0)
    expect(Math.hypot(byId[1]!.x - 450, byId[1]!.y - 310)).toBeCloseTo(230, 0)
  })

  it('draws the edges between drawn actors, lightest first, as curves pulled to the centre', () => {
    expect(drawing.edges).toEqual([
      { source: 1, target: 3, weight: 1, d: 'M286.2,471.4Q450,414.9 613.8,471.4', width: 1 },
      { source: 1, target: 2, weight: 3, d: 'M286.2,471.4Q356.2,324.8 325.2,194.2', width: 2.2 },
      { source: 3, target: 4, weight: 10, d: 'M613.8,471.4Q554.9,308.4 608.9,143.7', width: 4 },
    ])
  })

  it('ties of weight are drawn by source, then target', () => {
    const tied = layoutActorGraph(nodes, [edge(3, 4, 2), edge(1, 3, 2), edge(1, 2, 2)], 60).edges
    expect(tied.map((e) => [e.source, e.target])).toEqual([
      [1, 2],
      [1, 3],
      [3, 4],
    ])
  })

  it('names the ten most linked only, and draws at most the limit', () => {
    const many = Array.from({ length: 12 }, (_, i) => node(i + 1, `Gmina ${i + 1}`, 10, 1, 12 - i))
    const placed = layoutActorGraph(many, [], 60).nodes
    expect(placed.filter((n) => n.label).map((n) => n.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const limited = layoutActorGraph(many, [edge(1, 2, 1), edge(1, 12, 1)], 11)
    expect(limited.nodes).toHaveLength(11)
    expect(limited.total).toBe(12)
    expect(limited.edges.map((e) => e.target)).toEqual([2])
  })

  it('alternates rings along a sector: first outer, second inner, third outer', () => {
    const three = [1, 2, 3].map((id) => node(id, `Gmina ${id}`, 10, 1, 1))
    const distance = (n: { x: number; y: number }) => Math.round(Math.hypot(n.x - 450, n.y - 310))
    expect(layoutActorGraph(three, [], 60).nodes.map(distance)).toEqual([230, 170, 230])
  })

  it('a name of exactly 22 characters is written whole', () => {
    const name = 'Ayuntamiento de Bilbao'
    expect(name).toHaveLength(22)
    expect(layoutActorGraph([node(1, name, 10, 1, 1)], [], 1).nodes[0]!.label?.text).toBe(name)
    expect(layoutActorGraph([node(1, `${name}!`, 10, 1, 1)], [], 1).nodes[0]!.label?.text).toBe(
      'Ayuntamiento de Bilba…',
    )
  })
})

describe('the actor map’s figures, the register unfiltered and the filter choices', () => {
  it('links two actors named by an outcome tied to no action or event; ties are ordered by id', () => {
    const categoryId = db
      .insert(stakeholderCategories)
      .values({ name: 'Kategoria bliźniacza', sortOrder: 98 })
      .returning()
      .get().id
    const twin = () =>
      db
        .insert(stakeholders)
        .values({ name: 'Primăria Iași', categoryId, nameKey: 'primaria iasi', searchText: 'primaria iasi' })
        .returning()
        .get().id
    const [first, second] = [twin(), twin()]
    db.transaction((t) =>
      createOutcome(
        t,
        outcomeFormSchema.parse({
          type: 'partnership',
          date: '2026-10-01',
          title: 'Acord de parteneriat',
          partnerId: String(demo.partner().partnerId),
          stakeholderIds: [String(first), String(second)],
          actionIds: [],
          eventIds: [],
        }),
        demo.comms(),
      ),
    )
    const filter = actorMapFilterSchema.parse({ category: String(categoryId) })
    const { nodes, edges } = actorNetwork(filter, demo.viewer())
    expect(nodes.map((n) => n.id)).toEqual([first, second])
    expect(edges).toEqual([{ source: first, target: second, weight: 1, actions: 0, events: 0, outcomes: 1 }])
    // The whole register, no filter at all: the same pair is there too.
    const all = actorNetwork(actorMapFilterSchema.parse({}), demo.viewer())
    expect(all.edges).toContainEqual(edges[0])
    expect(() => actorNetwork(filter, null as never)).toThrow(/actor:read/)
    expect(() => actorNetwork(filter, null as never)).toThrow(ForbiddenError)
  })

  it('offers live events and campaigns apart, latest first, and the live categories and partners', () => {
    const add = (
      kind: 'webinar' | 'campaign',
      title: string,
      startDate: string,
      archivedAt: string | null = null,
    ) => db.insert(events).values({ kind, title, startDate, online: true, archivedAt }).returning().get().id
    const early = add('webinar', 'Webinar 2040 A', '2040-01-01')
    const late = add('webinar', 'Webinar 2040 B', '2040-02-01')
    const campaign = add('campaign', 'Kampania 2040', '2040-03-01')
    const gone = add('webinar', 'Webinar 2040 archived', '2040-04-01', '2040-05-01T00:00:00Z')
    const options = actorMapOptions()
    const ids = (list: { id: number }[]) => list.map((e) => e.id)
    expect(ids(options.events).slice(0, 2)).toEqual([late, early])
    expect(ids(options.events)).not.toContain(campaign)
    expect(ids(options.events)).not.toContain(gone)
    expect(ids(options.campaigns)[0]).toBe(campaign)
    expect(options.campaigns.every((e) => e.kind === 'campaign')).toBe(true)
    expect(options.events.every((e) => e.kind !== 'campaign')).toBe(true)
    expect(options.events[0]).toEqual({
      id: late,
      title: 'Webinar 2040 B',
      kind: 'webinar',
      startDate: '2040-02-01',
    })
    expect(options.categories.length).toBeGreaterThan(0)
    expect(options.categories[0]).toEqual({
      id: expect.any(Number),
      name: expect.any(String),
      key: expect.anything(),
    })
    const partnerNames = options.partners.map((p) => p.name)
    expect(partnerNames).toEqual([...partnerNames].sort())
    expect(partnerNames.length).toBeGreaterThan(1)
  })
})
