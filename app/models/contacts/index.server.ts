/* The contacts' public server entry: what routes, imports, the seed and tests use. */
export {
  createContact,
  emailKeyOf,
  eraseContact,
  ERASED_NAME,
  setContactArchived,
  updateContact,
} from './commands.server'
export { canEditContact, canHandleGdpr } from './policy'
export {
  contactAccessExport,
  getContact,
  listContacts,
  type PersonMatch,
  searchContacts,
} from './queries.server'
export { type ContactInput, contactInputSchema, lawfulBases } from './schemas'
