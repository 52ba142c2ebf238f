/**
 * Events' public server entry: events with their own communication plan, and planned against
 * done. Client-safe forms and policy live in ./schemas and ./policy.
 */

export { createEvent, setEventArchived, updateEvent } from './commands.server'
export {
  assertCanEditEvent,
  canCreateEvents,
  canEditEvent,
  canLogActionForEvent,
  defaultHostFor,
  hostChoices,
} from './policy'
export { type Event, eventDetail, eventFormValues, getEvent, listEvents } from './queries.server'
export * from './schemas'
export { eventKinds } from '#db/schema'
