import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

type Person = {
  id: number
  name: string
  email: string | null
  position: string | null
  stakeholderId: number | null
  stakeholderName: string | null
}

/** The register search's "People" results: contacts by name or e-mail, each linked to its page. */
export function PeopleResults({ rows, more }: { rows: Person[]; more: boolean }) {
  const { t } = useTranslation('stakeholders')
  if (!rows.length) return null
  return (
    <section className="card mb-4" aria-labelledby="people-results">
      <h2 id="people-results" className="mb-2 text-lg font-semibold">
        {t('people.title')}
      </h2>
      <ul className="space-y-1 text-sm">
        {rows.map((p) => (
          <li key={p.id}>
            <Link to={`/contacts/${p.id}`} className="font-semibold">
              {p.name}
            </Link>
            {p.email ? <span className="text-ink-muted"> · {p.email}</span> : null}
            {p.position ? <span className="text-ink-muted"> · {p.position}</span> : null}
            {p.stakeholderName ? (
              <span className="text-ink-muted">
                {' '}
                · <Link to={`/stakeholders/${p.stakeholderId}`}>{p.stakeholderName}</Link>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {more ? <p className="hint mt-2">{t('people.more')}</p> : null}
    </section>
  )
}
