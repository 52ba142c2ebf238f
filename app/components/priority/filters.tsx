import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { QUADRANTS as quadrants, STAGES as stages, TIERS as tiers } from '~/models/scoring'
import type { PriorityFilter } from '~/models/priorities.server'

type Options = { categories: { id: number; name: string; key: string | null }[]; partners: { id: number; name: string }[] }

/** The GET form of filters shared by the ranking, the scoring grid and the power/interest grid. */
export function PriorityFilters({
  filter,
  options,
  show,
  action,
}: {
  filter: PriorityFilter
  options: Options
  show: { q?: boolean; stage?: boolean; unscored?: boolean; quadrant?: boolean }
  action: string
}) {
  const { t } = useTranslation('priorities')
  const { t: tc } = useTranslation()
  return (
    <Form method="get" action={action} className="card mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-6 no-print" role="search" aria-label={tc('list.filter')}>
      {show.q ? (
        <div className="lg:col-span-2">
          <label className="label" htmlFor="f-q">
            {tc('list.search')}
          </label>
          <input id="f-q" name="q" type="search" className="input" defaultValue={filter.q ?? ''} />
        </div>
      ) : null}
      <div>
        <label className="label" htmlFor="f-category">
          {t('filters.category')}
        </label>
        <select id="f-category" name="category" className="input" defaultValue={filter.category ?? ''}>
          <option value="">{tc('list.any')}</option>
          {options.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className="label" htmlFor="f-owner">
          {t('filters.owner')}
        </label>
        <select id="f-owner" name="owner" className="input" defaultValue={filter.owner ?? ''}>
          <option value="">{tc('list.any')}</option>
          {options.partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className="label" htmlFor="f-tier">
          {t('filters.tier')}
        </label>
        <select id="f-tier" name="tier" className="input" defaultValue={filter.tier ?? ''}>
          <option value="">{tc('list.any')}</option>
          {tiers.map((tier) => (
            <option key={tier} value={tier}>
              {t('tierLabel', { tier })}
            </option>
          ))}
        </select>
      </div>
      {show.stage ? (
        <div>
          <label className="label" htmlFor="f-stage">
            {t('filters.stage')}
          </label>
          <select id="f-stage" name="stage" className="input" defaultValue={filter.stage ?? ''}>
            <option value="">{tc('list.any')}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {show.quadrant ? (
        <div>
          <label className="label" htmlFor="f-quadrant">
            {t('filters.quadrant')}
          </label>
          <select id="f-quadrant" name="quadrant" className="input" defaultValue={filter.quadrant ?? ''}>
            <option value="">{tc('list.any')}</option>
            {quadrants.map((q) => (
              <option key={q} value={q}>
                {t(`quadrants.${q}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {show.unscored ? (
        <div className="flex items-end pb-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="unscored" value="1" defaultChecked={!!filter.unscored} className="h-4 w-4" />
            {t('filters.unscoredOnly')}
          </label>
        </div>
      ) : null}
      <div className="flex items-end gap-2">
        <button type="submit" className="btn-primary">
          {tc('list.filter')}
        </button>
        <Link to={action} className="btn-secondary">
          {tc('list.clearFilters')}
        </Link>
      </div>
    </Form>
  )
}
