import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { FilterSelect } from '~/components/list'
import { categoryLabel } from '~/components/stakeholders'
import type { PriorityFilter } from '~/models/priorities/schemas'
import { QUADRANTS as quadrants, STAGES as stages, TIERS as tiers } from '~/models/priorities/scoring'

type Options = {
  categories: { id: number; name: string; key: string | null }[]
  partners: { id: number; name: string }[]
}

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
    <Form
      method="get"
      action={action}
      className="card mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-6 no-print"
      role="search"
      aria-label={tc('list.filter')}
    >
      {show.q ? <SearchField value={filter.q} /> : null}
      <FilterSelect
        name="category"
        label={t('filters.category')}
        value={filter.category}
        options={options.categories.map((c) => ({ value: c.id, label: categoryLabel(t, c) }))}
      />
      <FilterSelect
        name="owner"
        label={t('filters.owner')}
        value={filter.owner}
        options={options.partners.map((p) => ({ value: p.id, label: p.name }))}
      />
      <FilterSelect
        name="tier"
        label={t('filters.tier')}
        value={filter.tier}
        options={tiers.map((tier) => ({ value: tier, label: t('tierLabel', { tier }) }))}
      />
      {show.stage ? (
        <FilterSelect
          name="stage"
          label={t('filters.stage')}
          value={filter.stage}
          options={stages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
        />
      ) : null}
      {show.quadrant ? (
        <FilterSelect
          name="quadrant"
          label={t('filters.quadrant')}
          value={filter.quadrant}
          options={quadrants.map((q) => ({ value: q, label: t(`quadrants.${q}`) }))}
        />
      ) : null}
      {show.unscored ? <UnscoredCheckbox checked={!!filter.unscored} /> : null}
      <FilterButtons action={action} />
    </Form>
  )
}

function SearchField({ value }: { value: string | undefined }) {
  const { t: tc } = useTranslation()
  return (
    <div className="lg:col-span-2">
      <label className="label" htmlFor="f-q">
        {tc('list.search')}
      </label>
      <input id="f-q" name="q" type="search" className="input" defaultValue={value ?? ''} />
    </div>
  )
}

function UnscoredCheckbox({ checked }: { checked: boolean }) {
  const { t } = useTranslation('priorities')
  return (
    <div className="flex items-end pb-2">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="unscored" value="1" defaultChecked={checked} className="h-4 w-4" />
        {t('filters.unscoredOnly')}
      </label>
    </div>
  )
}

function FilterButtons({ action }: { action: string }) {
  const { t: tc } = useTranslation()
  return (
    <div className="flex items-end gap-2">
      <button type="submit" className="btn-primary">
        {tc('list.filter')}
      </button>
      <Link to={action} className="btn-secondary">
        {tc('list.clearFilters')}
      </Link>
    </div>
  )
}
