/** The evidence area's public server entry: reading, storing and refreshing evidence links. */
export * from './commands.server'
export { dueEvidence, type DueRefreshSummary, refreshDueEvidence } from './due.server'
export { countStaleEvidence, type EvidenceRecord, getEvidence, type StaleOptions } from './queries.server'
export * from './read.server'
export { EvidenceFetchError, type HostResolver, isPublicAddress, setHostResolver } from './safe-fetch.server'
export * from './schedule'
export * from './sites'
