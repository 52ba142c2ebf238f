import type { ActorEdge, ActorNode } from './queries.server'

/*
 * The actor map's drawing, laid out on the server so it is the same on every visit and needs no
 * script: the categories share a circle as sectors (a sector's size follows its number of actors),
 * the actors of a category sit along their sector on two rings, each sized by its links; the most
 * linked have their name written beside them, every one is named for screen readers.
 */

const GRAPH_WIDTH = 900
const GRAPH_HEIGHT = 620
const CX = GRAPH_WIDTH / 2
const CY = GRAPH_HEIGHT / 2
const RADIUS = 230
const INNER = 0.74
const GAP = 0.06
/** How many of the most linked actors have their name written. */
const LABELLED = 10
const LABEL_CHARS = 22

export type PlacedNode = {
  id: number
  name: string
  categoryId: number
  colour: number
  links: number
  x: number
  y: number
  r: number
  label: { text: string; x: number; y: number; anchor: 'start' | 'end' } | null
}
export type PlacedEdge = { source: number; target: number; weight: number; d: string; width: number }
export type PlacedCategory = {
  id: number
  key: string | null
  name: string
  colour: number
  shown: number
}

const round = (n: number) => Math.round(n * 10) / 10
const nodeRadius = (links: number) => round(Math.min(15, 4 + 2 * Math.sqrt(links)))
const shortLabel = (name: string) => (name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name)

function categoriesOf(nodes: ActorNode[]): PlacedCategory[] {
  const seen = new Map<number, PlacedCategory>()
  const ordered = [...nodes].sort(
    (a, b) => a.categoryOrder - b.categoryOrder || a.categoryName.localeCompare(b.categoryName),
  )
  for (const n of ordered) {
    const c = seen.get(n.categoryId)
    if (c) c.shown += 1
    else
      seen.set(n.categoryId, {
        id: n.categoryId,
        key: n.categoryKey,
        name: n.categoryName,
        colour: seen.size,
        shown: 1,
      })
  }
  return [...seen.values()]
}

function place(n: ActorNode, angle: number, ring: number, colour: number, labelled: boolean): PlacedNode {
  const radius = ring === 0 ? RADIUS : RADIUS * INNER
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  const x = round(CX + radius * cos)
  const y = round(CY + radius * sin)
  const r = nodeRadius(n.links)
  return {
    id: n.id,
    name: n.name,
    categoryId: n.categoryId,
    colour,
    links: n.links,
    x,
    y,
    r,
    label: labelled
      ? {
          text: shortLabel(n.name),
          x: round(x + cos * (r + 4)),
          y: round(y + sin * (r + 4) + 4),
          anchor: cos >= 0 ? 'start' : 'end',
        }
      : null,
  }
}

/**
 * Lay out the first `limit` actors (already most linked first) and the edges between them.
 * Deterministic: the same actors and edges give the same drawing.
 */
export function layoutActorGraph(all: ActorNode[], edges: ActorEdge[], limit: number) {
  const shown = all.slice(0, limit)
  const categories = categoriesOf(shown)
  const labelledIds = new Set(shown.slice(0, LABELLED).map((n) => n.id))
  const span = 2 * Math.PI - GAP * categories.length
  const placed = new Map<number, PlacedNode>()
  let start = -Math.PI / 2
  for (const c of categories) {
    const members = shown.filter((n) => n.categoryId === c.id)
    const width = (span * members.length) / shown.length
    members.forEach((n, j) => {
      const angle = start + (width * (j + 0.5)) / members.length
      // Alternate rings along the sector (a sector's only actor is the first: the outer ring).
      placed.set(n.id, place(n, angle, j % 2, c.colour, labelledIds.has(n.id)))
    })
    start += width + GAP
  }
  const drawnEdges: PlacedEdge[] = edges.flatMap((e) => {
    const a = placed.get(e.source)
    const b = placed.get(e.target)
    if (!a || !b) return []
    // A gentle curve through a point pulled towards the centre keeps edges apart from the rings.
    const qx = round((a.x + b.x) / 2 + (CX - (a.x + b.x) / 2) * 0.35)
    const qy = round((a.y + b.y) / 2 + (CY - (a.y + b.y) / 2) * 0.35)
    return [
      {
        source: e.source,
        target: e.target,
        weight: e.weight,
        d: `M${a.x},${a.y}Q${qx},${qy} ${b.x},${b.y}`,
        width: round(1 + Math.min(5, e.weight - 1) * 0.6),
      },
    ]
  })
  drawnEdges.sort((x, y) => x.weight - y.weight || x.source - y.source || x.target - y.target)
  return {
    width: GRAPH_WIDTH,
    height: GRAPH_HEIGHT,
    nodes: [...placed.values()],
    edges: drawnEdges,
    categories,
    total: all.length,
  }
}
