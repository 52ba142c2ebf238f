import { z } from 'zod'

import { filterId } from '../plan/form-fields'

/** The actor map's filters from its URL (the page and its CSV read the same ones). No database imports. */
export const actorMapFilterSchema = z.object({
  event: filterId,
  /** A campaign is an event of kind `campaign`: the map of what was logged for it. */
  campaign: filterId,
  category: filterId,
  /** The partner whose work links the actors: its actions, the events it hosts, its outcomes. */
  partner: filterId,
})
export type ActorMapFilter = z.infer<typeof actorMapFilterSchema>

/** How many actors (the most linked) the drawing shows at most; the table lists them all. */
export const ACTOR_GRAPH_LIMIT = 60
