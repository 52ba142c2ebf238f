import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

const items = [
  { key: 'plan', to: '/plan' },
  { key: 'groups', to: '/plan/groups' },
  { key: 'workplan', to: '/plan/workplan' },
  { key: 'targets', to: '/plan/targets' },
  { key: 'indicators', to: '/plan/indicators' },
  { key: 'events', to: '/events' },
  { key: 'materials', to: '/materials' },
] as const

/** Links between the parts of the communication plan area. */
export function PlanNav({ current }: { current: (typeof items)[number]['key'] }) {
  const { t } = useTranslation('plan')
  return (
    <nav aria-label={t('nav.label')} className="no-print">
      <ul className="flex flex-wrap gap-2 text-sm">
        {items.map((i) => (
          <li key={i.key}>
            <Link
              to={i.to}
              aria-current={i.key === current ? 'page' : undefined}
              className={`inline-block rounded-full border px-3 py-1 no-underline ${i.key === current ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-ink hover:bg-slate-100'}`}
            >
              {t(`nav.${i.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** The notice on an archived plan record's page. */
export function ArchivedNotice({ archivedAt }: { archivedAt: string | null }) {
  const { t } = useTranslation('plan')
  if (!archivedAt) return null
  return (
    <p className="rounded-md border border-warn bg-warn-bg p-3 text-sm text-warn">{t('archivedNotice')}</p>
  )
}

/** The archive (or restore, when archived) button of a plan record: its own small form. */
export function ArchiveToggle({ archivedAt }: { archivedAt: string | null }) {
  const { t } = useTranslation()
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={archivedAt ? 'restore' : 'archive'} />
      <button type="submit" className={archivedAt ? 'btn-secondary' : 'btn-danger'}>
        {archivedAt ? t('actions.restore') : t('actions.archive')}
      </button>
    </Form>
  )
}

/** Typography for sanitised Markdown (headings, lists, tables, links). */
export const markdownClass =
  'space-y-2 break-words [&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6 [&_table]:text-sm [&_td]:border [&_td]:px-2 [&_th]:border [&_th]:px-2 [&_blockquote]:border-l-4 [&_blockquote]:pl-3 [&_code]:bg-slate-100 [&_code]:px-1'

/** Tone of a work-plan activity's state badge (the badge always says the state in words). */
export const activityStateTone = {
  done: 'ok',
  awaiting_validation: 'info',
  overdue: 'bad',
  planned: 'neutral',
} as const
