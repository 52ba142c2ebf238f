import { beforeEach, describe, expect, it } from 'vitest'

import { type ActorEdge, type ActorNode, layoutActorGraph } from '~/models/actors/index.server'

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

  it('a name of exactly 22 characters is written whole', () => {
    const name = 'Ayuntamiento de Bilbao'
    expect(name).toHaveLength(22)
    expect(layoutActorGraph([node(1, name, 10, 1, 1)], [], 1).nodes[0]!.label?.text).toBe(name)
    expect(layoutActorGraph([node(1, `${name}!`, 10, 1, 1)], [], 1).nodes[0]!.label?.text).toBe(
      'Ayuntamiento de Bilba…',
    )
  })
})
