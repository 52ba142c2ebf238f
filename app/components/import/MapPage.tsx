import type { SerializeFrom } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import type { mapLoader } from '~/routes/_shared/import.server'

import { type Area, Title } from './shared'

type MapData = SerializeFrom<typeof mapLoader>

function FileSummary({ data }: { data: MapData }) {
  const { t } = useTranslation('import')
  const format = data.job.format as {
    type?: string
    encoding?: string
    delimiter?: string
    hasHeader?: boolean
  } | null
  return (
    <div className="card mb-4 text-sm">
      <p>
        <strong>{data.job.fileName}</strong> · {t('map.rows', { count: data.job.rows })} ·{' '}
        {t(`formats.${format?.type ?? 'csv'}`)} · {format?.encoding}
        {format?.delimiter
          ? ` · ${t('map.delimiter')}: ${t(`delimiters.${format.delimiter === '\t' ? 'tab' : format.delimiter === ';' ? 'semicolon' : 'comma'}`)}`
          : ''}
      </p>
      {format?.hasHeader === false ? <p className="hint">{t('map.noHeader')}</p> : null}
      <p className="mt-1">{t(`kinds.${data.job.kind}`)}</p>
      <EncodingChoice data={data} />
    </div>
  )
}

/**
 * The encoding the file was read in, and a selector that reads it again in another: with
 * JavaScript on change, without it through the button (a POST that re-renders the page).
 */
function EncodingChoice({ data }: { data: MapData }) {
  const { t } = useTranslation('import')
  const submit = useSubmit()
  const error = useActionData<{ encodingError?: string }>()?.encodingError
  if (!data.encoding) return null
  return (
    <Form method="post" className="mt-2 flex flex-wrap items-end gap-2" replace>
      <input type="hidden" name="intent" value="encoding" />
      <div>
        <label htmlFor="map-encoding" className="label">
          {t('map.encoding')}
        </label>
        <select
          id="map-encoding"
          name="encoding"
          className="input"
          key={data.encoding}
          defaultValue={data.encoding}
          aria-describedby="map-encoding-hint"
          onChange={(e) => submit(e.currentTarget.form, { replace: true })}
        >
          {data.encodings.map((e) => (
            <option key={e} value={e}>
              {t(`map.encodings.${e}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        {t('map.encodingSubmit')}
      </button>
      <p id="map-encoding-hint" className="hint w-full">
        {t('map.encodingHint')}
      </p>
      {error ? (
        <p role="alert" className="field-error w-full">
          {t(error)}
        </p>
      ) : null}
    </Form>
  )
}

/** One select per field of the import: the column that fills it. */
function FieldColumns({ data, missing }: { data: MapData; missing: Set<string> }) {
  const { t } = useTranslation('import')
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {data.fields.map(({ field, required }) => {
        const id = `map-${field}`
        return (
          <div key={field}>
            <label htmlFor={id} className="label">
              {t(`fields.${data.job.kind}.${field}`)}
              {required ? <span> ({t('map.required')})</span> : null}
            </label>
            <select
              id={id}
              key={`${data.encoding}-${data.mapping[field] ?? ''}`}
              name={`map.${field}`}
              className="input"
              defaultValue={data.mapping[field] ?? ''}
              aria-invalid={missing.has(field) ? true : undefined}
              aria-describedby={missing.has(field) ? `${id}-error` : undefined}
            >
              <option value="">{t('map.notImported')}</option>
              {data.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
            {missing.has(field) ? (
              <p id={`${id}-error`} className="field-error">
                {t('map.requiredField')}
              </p>
            ) : null}
          </div>
        )
      })}
    </div>
  )
}

/** Stakeholders: the category for rows without one and the owning partner. */
function StakeholderOptions({ data, missing }: { data: MapData; missing: Set<string> }) {
  const { t } = useTranslation('import')
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor="map-default-category" className="label">
          {t('map.defaultCategory')}
        </label>
        <select
          id="map-default-category"
          name="defaultCategoryId"
          className="input"
          defaultValue={data.options.defaultCategoryId ?? ''}
          aria-invalid={missing.has('category') ? true : undefined}
          aria-describedby="map-default-category-hint"
        >
          <option value="">{t('map.noDefault')}</option>
          {data.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.key ? t(`stakeholders:categories.${c.key}`, { defaultValue: c.name }) : c.name}
            </option>
          ))}
        </select>
        <p id="map-default-category-hint" className="hint">
          {t('map.defaultCategoryHint')}
        </p>
      </div>
      <div>
        <label htmlFor="map-owner" className="label">
          {t('map.owner')}
        </label>
        <select
          id="map-owner"
          name="ownerPartnerId"
          className="input"
          defaultValue={data.options.ownerPartnerId ?? ''}
        >
          <option value="">{t('map.noOwner')}</option>
          {data.partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}

/** Contacts: the GDPR lawful basis recorded on every imported person. */
function LawfulBasisOption({ data }: { data: MapData }) {
  const { t } = useTranslation('import')
  return (
    <div>
      <label htmlFor="map-basis" className="label">
        {t('map.lawfulBasis')}
      </label>
      <select
        id="map-basis"
        name="lawfulBasis"
        className="input max-w-md"
        defaultValue={data.options.lawfulBasis}
        aria-describedby="map-basis-hint"
      >
        {data.lawfulBases.map((b) => (
          <option key={b} value={b}>
            {t(`stakeholders:contacts.bases.${b}`)}
          </option>
        ))}
      </select>
      <p id="map-basis-hint" className="hint">
        {t('map.lawfulBasisHint')}
      </p>
    </div>
  )
}

/** Actions: the type of rows without one (or with one that matches nothing). */
function DefaultTypeOption({ data }: { data: MapData }) {
  const { t } = useTranslation('import')
  return (
    <div>
      <label htmlFor="map-default-type" className="label">
        {t('map.defaultType')}
      </label>
      <select
        id="map-default-type"
        name="defaultTypeId"
        className="input max-w-md"
        defaultValue={data.options.defaultTypeId ?? ''}
        aria-describedby="map-default-type-hint"
      >
        <option value="">{t('map.noDefault')}</option>
        {data.types.map((ty) => (
          <option key={ty.id} value={ty.id}>
            {ty.key ? t(`actions:types.${ty.key}`, { defaultValue: ty.name }) : ty.name}
          </option>
        ))}
      </select>
      <p id="map-default-type-hint" className="hint">
        {t('map.defaultTypeHint')}
      </p>
    </div>
  )
}

function SampleRows({ data }: { data: MapData }) {
  const { t } = useTranslation('import')
  return (
    <div className="overflow-x-auto">
      <table className="table">
        <caption className="mb-1 text-left text-sm font-semibold">{t('map.sample')}</caption>
        <thead>
          <tr>
            {data.headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.sample.map((row, i) => (
            <tr key={`${data.encoding}-${i}`}>
              {data.headers.map((h, j) => (
                <td key={h}>{row[j] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function MapPage({ area }: { area: Area }) {
  const { t } = useTranslation('import')
  const data = useLoaderData<MapData>()
  const result = useActionData<{ missing?: string[] }>()
  const navigation = useNavigation()
  const missing = new Set(result?.missing ?? [])
  return (
    <div className="max-w-4xl">
      <Title area={area} step="map" back={data.back} />
      <FileSummary data={data} />
      {missing.size ? (
        <div role="alert" className="mb-4 rounded-md border border-bad bg-bad-bg p-3 text-sm text-bad">
          {t('map.missing', {
            fields: [...missing].map((f) => t(`fields.${data.job.kind}.${f}`)).join(', '),
          })}
        </div>
      ) : null}
      <Form method="post" className="card space-y-4">
        <p className="text-sm">{t('map.intro')}</p>
        <FieldColumns data={data} missing={missing} />
        {data.job.kind === 'stakeholders' ? <StakeholderOptions data={data} missing={missing} /> : null}
        {data.job.kind === 'contacts' ? <LawfulBasisOption data={data} /> : null}
        {data.job.kind === 'actions' ? <DefaultTypeOption data={data} /> : null}
        {data.sample.length ? <SampleRows data={data} /> : null}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={navigation.state !== 'idle'}>
            {t('map.submit')}
          </button>
          <Link to={data.base} className="btn-secondary">
            {t('map.another')}
          </Link>
        </div>
        <p role="status" aria-live="polite" className="text-sm">
          {navigation.state !== 'idle' ? t('map.checking', { count: data.job.rows }) : ''}
        </p>
      </Form>
    </div>
  )
}
