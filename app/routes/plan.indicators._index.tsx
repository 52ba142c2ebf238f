import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
import { ErrorList } from '~/components/forms'
import { PageHeader } from '~/components/list'
import { PlanNav } from '~/components/plan-nav'
import { getProject } from '~/models/admin/index.server'
import { computeIndicators, listMappings, mappingFormOptions, saveMappings } from '~/models/plan/index.server'
import { canEditPlan } from '~/models/plan/policy'
import {
  type IndicatorCode,
  indicatorCodeList,
  indicatorInputs,
  mappingFormSchema,
} from '~/models/plan/schemas'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle('plan:indicators.title')

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** The period from the URL (?from=&to=), defaulting to the whole project. */
function indicatorPeriod(url: URL, project: { startDate: string; endDate: string }) {
  const from = isoDate.safeParse(url.searchParams.get('from')).data ?? project.startDate
  const to = isoDate.safeParse(url.searchParams.get('to')).data ?? project.endDate
  return { from, to, includeSubmitted: url.searchParams.get('includeSubmitted') === '1' }
}

const SHOWN = 100

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const project = getProject()
  invariantResponse(project)
  const period = indicatorPeriod(new URL(request.url), project)
  const figures = computeIndicators(period).map((f) => ({
    ...f,
    items: f.items.slice(0, SHOWN),
    more: Math.max(0, f.items.length - SHOWN),
  }))
  return json({
    ...period,
    figures,
    reportingPeriods: project.reportingPeriods,
    mappings: listMappings(),
    options: mappingFormOptions(),
    canEdit: canEditPlan(user),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:edit')
  const submission = parseForm(await request.formData(), { schema: mappingFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = orFieldErrors(() =>
    orForbidden(() => db.transaction((tx) => saveMappings(tx, submission.value, user))),
  )
  if (!result.ok)
    return json({ indicator: submission.value.indicator, fieldErrors: result.fieldErrors }, { status: 400 })
  return redirect(`/plan/indicators#mapping-${submission.value.indicator}`)
}

type Data = SerializeFrom<typeof loader>

const itemLink = (i: { kind: string; id: number }) =>
  i.kind === 'event'
    ? `/events/${i.id}`
    : i.kind === 'action'
      ? `/actions/${i.id}`
      : i.kind === 'stakeholder'
        ? `/stakeholders/${i.id}`
        : null

export default function IndicatorsPage() {
  const { t } = useTranslation('plan')
  const f = useFormat()
  const data = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <PageHeader title={t('indicators.title')} exportTo="/plan/indicators.csv">
        <Link to="/plan/indicators/results" className="btn-secondary">
          {t('results:indicators.title')}
        </Link>
      </PageHeader>
      <PlanNav current="indicators" />
      <PeriodForm data={data} />
      <p className="text-sm text-ink-muted">
        {t('indicators.period', { from: f.date(data.from), to: f.date(data.to) })}
      </p>
      {data.figures.map((fig) => (
        <IndicatorCard key={fig.code} figure={fig} />
      ))}
      <section className="card space-y-4" aria-labelledby="mapping-heading">
        <h2 id="mapping-heading">{t('indicators.mappingTitle')}</h2>
        <p className="text-sm text-ink-muted">{t('indicators.mappingHint')}</p>
        {indicatorCodeList
          .filter((code) => indicatorInputs[code].eventKinds || indicatorInputs[code].actionTypes)
          .map((code) => (
            <MappingForm key={code} code={code} data={data} />
          ))}
      </section>
    </div>
  )
}

function PeriodForm({ data }: { data: Data }) {
  const { t } = useTranslation('plan')
  return (
    <Form method="get" className="card flex flex-wrap items-end gap-3 no-print">
      <label className="text-sm">
        <span className="label">{t('events.from')}</span>
        <input type="date" name="from" defaultValue={data.from} className="input" />
      </label>
      <label className="text-sm">
        <span className="label">{t('events.to')}</span>
        <input type="date" name="to" defaultValue={data.to} className="input" />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="includeSubmitted"
          value="1"
          defaultChecked={data.includeSubmitted}
          className="h-5 w-5"
        />
        {t('targets.includeSubmitted')}
      </label>
      <button type="submit" className="btn-secondary">
        {t('common:list.filter')}
      </button>
      <p className="w-full text-sm">
        {data.reportingPeriods.map((p) => (
          <Link key={p.label} to={`?from=${p.start}&to=${p.end}`} className="mr-3">
            {p.label}
          </Link>
        ))}
      </p>
    </Form>
  )
}

function IndicatorCard({ figure: fig }: { figure: Data['figures'][number] }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
    <section className="card space-y-3" aria-labelledby={`ind-${fig.code}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`ind-${fig.code}`}>
          {fig.code} · {t(`indicators.names.${fig.code}`)}
        </h2>
        <p className="text-2xl font-semibold" data-indicator={fig.code}>
          {f.number(fig.value)}
        </p>
      </div>
      <p className="text-sm text-ink-muted">{t(`indicators.rules.${fig.code}`)}</p>
      {fig.items.length ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium">
            {t('indicators.behind', { count: fig.items.length + fig.more })}
          </summary>
          <div className="mt-2 overflow-x-auto">
            <IndicatorItems items={fig.items} />
            {fig.more ? <p className="hint">{t('indicators.more', { count: fig.more })}</p> : null}
          </div>
        </details>
      ) : (
        <p className="text-sm text-ink-muted">{t('indicators.nothing')}</p>
      )}
    </section>
  )
}

function IndicatorItems({ items }: { items: Data['figures'][number]['items'] }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('indicators.record')}</th>
          <th scope="col">{t('indicators.kind')}</th>
          <th scope="col">{t('events.date')}</th>
          <th scope="col" className="text-right">
            {t('indicators.contribution')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => {
          const href = itemLink(i)
          return (
            <tr key={`${i.kind}-${i.id}`}>
              <td>{href ? <Link to={href}>{i.title}</Link> : i.title}</td>
              <td>{t(`indicators.kinds.${i.kind}`)}</td>
              <td>{i.date ? f.date(i.date) : '—'}</td>
              <td className="text-right">{f.number(i.contribution)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** One indicator's mapping: which event kinds and action types count towards it. */
function MappingForm({ code, data }: { code: IndicatorCode; data: Data }) {
  const { t } = useTranslation('plan')
  const mapping = data.mappings[code]
  const refused = useActionData<typeof action>()
  const typeErrors =
    refused && 'indicator' in refused && refused.indicator === code ? refused.fieldErrors.typeIds : null
  const box = (name: string, value: string | number, checked: boolean, label: string) => (
    <label key={value} className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={checked}
        disabled={!data.canEdit}
        className="h-5 w-5"
      />
      {label}
    </label>
  )
  return (
    <Form method="post" id={`mapping-${code}`} className="space-y-2 border-t border-slate-200 pt-3">
      <input type="hidden" name="indicator" value={code} />
      <h3>{code}</h3>
      {indicatorInputs[code].eventKinds ? (
        <fieldset>
          <legend className="label">{t('indicators.eventKinds')}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {data.options.eventKinds.map((k) =>
              box('eventKinds', k, mapping.eventKinds.includes(k), t(`eventKinds.${k}`)),
            )}
          </div>
        </fieldset>
      ) : null}
      {indicatorInputs[code].actionTypes ? (
        <fieldset>
          <legend className="label">{t('indicators.actionTypes')}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {data.options.types.map((ty) =>
              box(
                'typeIds',
                ty.value,
                mapping.typeIds.includes(ty.value),
                ty.key ? t(`actionTypes.${ty.key}`, { defaultValue: ty.label }) : ty.label,
              ),
            )}
          </div>
          <ErrorList id={`mapping-${code}-typeIds-error`} errors={typeErrors} />
        </fieldset>
      ) : null}
      {data.canEdit ? (
        <button type="submit" className="btn-secondary">
          {t('indicators.saveMapping', { code })}
        </button>
      ) : null}
    </Form>
  )
}
