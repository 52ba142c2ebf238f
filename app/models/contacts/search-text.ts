import { normalizeText } from '~/utils/text'

/**
 * What the register's people search reads (contacts.search_text, indexed by `contact_search`): the
 * name and e-mail, lower-case and accent-free, as the stakeholders' search text is.
 */
export function contactSearchText(c: { name: string; email?: string | null }) {
  return normalizeText(`${c.name} ${c.email ?? ''}`)
}
