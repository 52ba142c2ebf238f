import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { useFormat } from '~/utils/format'

/** "Not duplicates": dismisses one proposed group exactly as shown (its reason, key and members). */
export function DismissGroupButton({ group }: { group: { reason: string; key: string; ids: number[] } }) {
  const { t } = useTranslation('duplicates')
  return (
    <Form method="post" className="mt-3 inline-block sm:ml-2">
      <input type="hidden" name="intent" value="dismiss" />
      <input type="hidden" name="reason" value={group.reason} />
      <input type="hidden" name="key" value={group.key} />
      <input type="hidden" name="ids" value={group.ids.join(',')} />
      <button type="submit" className="btn-secondary">
        {t('dismiss')}
      </button>
    </Form>
  )
}

type Dismissal = {
  id: number
  reason: string
  key: string
  createdAt: string
  userName: string | null
  members: { id: number; name: string }[]
}

/** The groups dismissed as "not duplicates", each with "Undo". */
export function DismissedGroups({ dismissals }: { dismissals: Dismissal[] }) {
  const { t } = useTranslation('duplicates')
  const f = useFormat()
  return (
    <section id="dismissed" aria-labelledby="dismissed-heading" className="space-y-3">
      <h2 id="dismissed-heading">{t('dismissedTitle')}</h2>
      {dismissals.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('dismissedNone')}</p>
      ) : (
        <ul className="space-y-3">
          {dismissals.map((d) => (
            <li key={d.id} className="card flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="break-all text-sm font-medium text-ink-muted">
                  {t(`reasons.${d.reason}`)}: {d.key}
                </p>
                <p className="text-sm">
                  {d.members.map((m, i) => (
                    <span key={m.id}>
                      {i > 0 ? ' · ' : ''}
                      <Link to={`/stakeholders/${m.id}`}>{m.name}</Link>
                    </span>
                  ))}
                </p>
                <p className="text-xs text-ink-muted">
                  {t('dismissedBy', { name: d.userName ?? '—', when: f.dateTime(d.createdAt) })}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="undo" />
                <input type="hidden" name="dismissalId" value={d.id} />
                <button type="submit" className="btn-secondary">
                  {t('undo')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
