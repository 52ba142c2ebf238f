import type { SerializeFrom } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import type { valuesLoader } from '~/routes/_shared/import.server'

import { type Area, Title } from './shared'

type ValuesData = SerializeFrom<typeof valuesLoader>
type FieldValues = ValuesData['fields'][number]

/** One list field: each value of the file that matched nothing, its rows, and what it becomes. */
function FieldSection({ kind, field }: { kind: string; field: FieldValues }) {
  const { t } = useTranslation('import')
  const name = t(`fields.${kind}.${field.field}`)
  return (
    <section className="card" aria-labelledby={`values-${field.field}`}>
      <h2 id={`values-${field.field}`} className="mb-2 text-lg font-semibold">
        {t('values.fieldTitle', { field: name, count: field.total })}
      </h2>
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('values.value')}</th>
              <th scope="col">{t('values.rows')}</th>
              <th scope="col">{t('values.becomes')}</th>
            </tr>
          </thead>
          <tbody>
            {field.values.map((v, i) => {
              const id = `value-${field.field}-${i}`
              return (
                <tr key={v.key}>
                  <td>
                    <label htmlFor={id}>{v.value}</label>
                  </td>
                  <td>{v.count}</td>
                  <td>
                    <select
                      id={id}
                      name={`choice.${field.field}.${v.key}`}
                      className="input"
                      defaultValue={v.choice ?? ''}
                    >
                      <option value="">{t('values.leaveEmpty')}</option>
                      {field.options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    {v.choice !== null ? <p className="hint">{t('values.remembered')}</p> : null}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {field.total > field.values.length ? (
        <p className="hint">{t('values.more', { count: field.total - field.values.length })}</p>
      ) : null}
    </section>
  )
}

/**
 * The value step (a plain form, works without JavaScript): the values of list fields that match
 * no entry, each mapped to an entry or left empty; the choices are remembered for next time.
 */
export function ValuesPage({ area }: { area: Area }) {
  const { t } = useTranslation('import')
  const data = useLoaderData<ValuesData>()
  const navigation = useNavigation()
  return (
    <div className="max-w-4xl">
      <Title area={area} step="values" back={data.back} />
      <Form method="post" className="space-y-4">
        <p className="text-sm">{data.fields.length ? t('values.intro') : t('values.none')}</p>
        {data.fields.map((f) => (
          <FieldSection key={f.field} kind={String(data.job.kind)} field={f} />
        ))}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={navigation.state !== 'idle'}>
            {t('values.submit')}
          </button>
          <Link to={`${data.base}/${data.job.id}/map`} className="btn-secondary">
            {t('preview.backToMap')}
          </Link>
        </div>
      </Form>
    </div>
  )
}
