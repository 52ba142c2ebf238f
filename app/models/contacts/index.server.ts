/* The contacts' public server entry: what routes, imports, the seed and tests use. */
export {
  createContact,
  emailKeyOf,
  eraseContact,
  eraseContactNow,
  setContactArchived,
  updateContact,
} from './commands.server'
export { ERASED_NAME } from './erasure.server'
export { canEditContact, canHandleGdpr, type ContactView, contactViewFor } from './policy'
export {
  contactAccessExport,
  contactForActor,
  contactsOfStakeholder,
  getContact,
  listContacts,
  type PersonMatch,
  searchContacts,
} from './queries.server'
export { type ContactInput, contactInputSchema, lawfulBases } from './schemas'
