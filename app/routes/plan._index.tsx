import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { PageHeader } from '~/components/list'
import { markdownClass, PlanNav } from '~/components/plan-nav'
import { listPlanSections } from '~/models/plan/index.server'
import { canEditPlan } from '~/models/plan/policy'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('plan:title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  return json({ sections: listPlanSections(), canEdit: canEditPlan(user) })
}

type Section = SerializeFrom<typeof loader>['sections'][number]

export default function PlanPage() {
  const { t } = useTranslation('plan')
  const { sections, canEdit } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} />
      <PlanNav current="plan" />
      <nav aria-label={t('contents')} className="card">
        <h2 className="mb-2">{t('contents')}</h2>
        <ol className="list-decimal space-y-1 pl-6">
          {sections.map((s) => (
            <li key={s.key}>
              <a href={`#section-${s.key}`}>{t(`sections.${s.key}`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {sections.map((s, i) => (
        <PlanSection key={s.key} section={s} number={i + 1} canEdit={canEdit} />
      ))}
    </div>
  )
}

function PlanSection({
  section: s,
  number,
  canEdit,
}: {
  section: Section
  number: number
  canEdit: boolean
}) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
    <section id={`section-${s.key}`} aria-labelledby={`heading-${s.key}`} className="card space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`heading-${s.key}`}>
          {number}. {t(`sections.${s.key}`)}
        </h2>
        <div className="flex gap-3 text-sm no-print">
          {canEdit ? (
            <Link to={`/plan/${s.key}`} aria-label={t('editSection', { section: t(`sections.${s.key}`) })}>
              {t('edit')}
            </Link>
          ) : null}
          <Link
            to={`/plan/${s.key}?history=1`}
            aria-label={t('historyOf', { section: t(`sections.${s.key}`) })}
          >
            {t('history')}
          </Link>
        </div>
      </div>
      {s.body ? (
        <div className={markdownClass} dangerouslySetInnerHTML={{ __html: s.html }} />
      ) : (
        <p className="text-sm text-ink-muted">{t('emptySection')}</p>
      )}
      {s.updatedAt ? (
        <p className="text-xs text-ink-muted">
          {t('lastSaved', { when: f.dateTime(s.updatedAt), who: s.updatedBy ?? '—' })}
        </p>
      ) : null}
    </section>
  )
}
