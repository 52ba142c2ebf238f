/* The contacts' public server entry: what routes, imports, the seed and tests use. */
export {
  createContact,
  emailKeyOf,
  eraseContact,
  ERASED_NAME,
  setContactArchived,
  updateContact,
} from './commands.server'
export { canEditContact, canHandleGdpr, type ContactView, contactViewFor } from './policy'
export {
  contactAccessExport,
  type ContactCard,
  contactForActor,
  type ContactRecord,
  contactsOfStakeholder,
  getContact,
} from './queries.server'
export { type ContactInput, contactInputSchema, lawfulBases } from './schemas'
