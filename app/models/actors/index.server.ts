/**
 * The actor map's public server entry: stakeholders (actors) linked by the actions, events and
 * outcomes they share, for the whole register or a filter, and its drawing laid out on the server.
 * Client-safe filters and policy live in ./schemas and ./policy.
 */
export { layoutActorGraph } from './layout.server'
export * from './policy'
export { type ActorEdge, actorMapOptions, actorNetwork, type ActorNode } from './queries.server'
export * from './schemas'
