/**
 * The people of events: registrants (with consent, attendance, a link to a contact or a proposal
 * of one), consultations (who took part, what came out of it), satisfaction, each event's and
 * campaign's key figures, and the actor map. Client-safe forms and policy live in ./schemas and ./policy.
 */

export {
  addRegistration,
  decideProposal,
  ERASED_REGISTRANT,
  eraseRegistrantsOf,
  linkRegistrant,
  proposeRegistrant,
  purgeExpiredRegistrants,
  removeRegistration,
  RETENTION_DAYS,
  saveConsultation,
  saveSatisfaction,
  setAttendance,
  updateRegistration,
} from './commands.server'
export { type CategoryCount, eventKpiList, type EventKpis, eventKpis } from './kpis.server'
export * from './policy'
export {
  eventPeopleSummary,
  linkChoices,
  listRegistrations,
  pendingProposals,
  registrationsForExport,
} from './queries.server'
export * from './schemas'
