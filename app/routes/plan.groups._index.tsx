import { json, type LoaderFunctionArgs, type SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ArchivedFilter, EmptyState, PageHeader } from '~/components/list'
import { PlanNav } from '~/components/plan-nav'
import { listGroups } from '~/models/plan/index.server'
import { canEditPlan } from '~/models/plan/policy'
import { requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('plan:groups.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const archived = new URL(request.url).searchParams.get('archived') === '1'
  return json({ groups: listGroups({ archived }), archived, canEdit: canEditPlan(user) })
}

export default function GroupsPage() {
  const { t } = useTranslation('plan')
  const { groups, archived, canEdit } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <PageHeader title={t('groups.title')}>
        {canEdit ? (
          <Link to="/plan/groups/new" className="btn-primary">
            {t('groups.new')}
          </Link>
        ) : null}
      </PageHeader>
      <PlanNav current="groups" />
      <p className="text-sm text-ink-muted">{t('groups.intro')}</p>
      <Form method="get" className="no-print">
        <ArchivedFilter checked={archived} />
        <button type="submit" className="btn-secondary mt-2">
          {t('common:list.filter')}
        </button>
      </Form>
      {groups.length === 0 ? (
        <EmptyState title={t('groups.empty')}>{t('groups.emptyHint')}</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {groups.map((g) => (
            <GroupCard key={g.id} group={g} />
          ))}
        </ul>
      )}
    </div>
  )
}

function GroupCard({ group: g }: { group: SerializeFrom<typeof loader>['groups'][number] }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
    <li className="card space-y-1">
      <h2>
        <Link to={`/plan/groups/${g.id}`}>{g.name}</Link>
      </h2>
      {g.description ? <p className="text-sm">{g.description}</p> : null}
      <p className="text-sm text-ink-muted">
        {t('groups.members', { count: g.members, formatted: f.number(g.members) })} ·{' '}
        <Link to={g.registerLink}>{t('groups.openRegister')}</Link>
      </p>
    </li>
  )
}
