import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { EmptyState, ExportLink } from '~/components/list'
import { MaterialForm } from '~/components/material-form'
import { PlanNav } from '~/components/plan-nav'
import {
  allowedExtensions,
  createMaterial,
  languageMatrix,
  listMaterials,
  materialFilterSchema,
  readMaterialRequest,
  validateMaterialUpload,
} from '~/models/materials.server'
import { materialFormSchema, materialKindList } from '~/models/plan-forms'
import { getProject } from '~/models/project.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'
import { env } from '~/utils/env.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { can } from '~/utils/permissions'

export const meta: MetaFunction = () => [{ title: 'Materials · Ripple' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const project = getProject()
  invariantResponse(project)
  const filter = materialFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return json({
    filter,
    materials: listMaterials(filter),
    matrix: languageMatrix(project.workingLanguages),
    languages: project.workingLanguages,
    extensions: allowedExtensions,
    limitMb: env().UPLOAD_LIMIT_MB,
    canEdit: can(user, 'material:edit'),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'material:edit')
  const limit = env().UPLOAD_LIMIT_MB * 1024 * 1024
  const { formData, file } = await readMaterialRequest(request, limit)
  const submission = parseForm(formData, { schema: materialFormSchema })
  const { upload, error } = validateMaterialUpload(file, limit)
  const fieldErrors: Record<string, string[]> = {}
  if (error) fieldErrors.file = [error]
  else if (submission.status === 'success' && !upload && !submission.value.url)
    fieldErrors.url = ['plan:materials.errors.linkOrFile']
  if (submission.status !== 'success' || Object.keys(fieldErrors).length) {
    return json(
      submission.reply({
        fieldErrors: {
          ...(submission.status === 'success' ? {} : submission.error),
          ...fieldErrors,
        } as Record<string, string[]>,
      }),
      { status: 400 },
    )
  }
  const id = db.transaction((tx) => createMaterial(tx, submission.value, upload, user.id))
  return redirect(`/materials/${id}`)
}

export default function MaterialsPage() {
  const { t } = useTranslation('plan')
  const { t: tc } = useTranslation()
  const f = useFormat()
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const filtered = Object.values(data.filter).some((v) => v !== undefined)
  return (
    <div className="space-y-6">
      <div className="page-title">
        <h1>{t('materials.title')}</h1>
        <div className="flex gap-2">
          <ExportLink to="/materials.csv" />
          {data.canEdit ? (
            <a href="#new-material" className="btn-primary">
              {t('materials.new')}
            </a>
          ) : null}
        </div>
      </div>
      <PlanNav current="materials" />

      <section className="card space-y-2" aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">{t('materials.matrixTitle')}</h2>
        <p className="text-sm text-ink-muted">{t('materials.matrixHint')}</p>
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('materials.kind')}</th>
                {data.languages.map((l) => (
                  <th key={l} scope="col">
                    <abbr title={tc(`languages.${l}`, { defaultValue: l })}>{l.toUpperCase()}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.matrix.map((row) => (
                <tr key={row.kind}>
                  <th scope="row" className="font-medium">
                    <Link to={`?kind=${row.kind}`}>{t(`materialKinds.${row.kind}`)}</Link>
                  </th>
                  {row.cells.map((c) => (
                    <td key={c.language} className={c.count ? '' : 'bg-warn-bg text-warn'}>
                      {c.count ? (
                        <Link to={`?kind=${row.kind}&language=${c.language}`}>
                          {t('materials.available', { versions: c.versions })}
                        </Link>
                      ) : (
                        t('materials.missing')
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <Form method="get" className="card flex flex-wrap items-end gap-3 no-print">
        <label className="text-sm">
          <span className="label">{tc('list.search')}</span>
          <input type="search" name="q" defaultValue={data.filter.q ?? ''} className="input" />
        </label>
        <label className="text-sm">
          <span className="label">{t('materials.kind')}</span>
          <select name="kind" defaultValue={data.filter.kind ?? ''} className="input">
            <option value="">{tc('list.any')}</option>
            {materialKindList.map((k) => (
              <option key={k} value={k}>
                {t(`materialKinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="label">{t('breakdowns.language')}</span>
          <select name="language" defaultValue={data.filter.language ?? ''} className="input">
            <option value="">{tc('list.any')}</option>
            {data.languages.map((l) => (
              <option key={l} value={l}>
                {tc(`languages.${l}`, { defaultValue: l })}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="archived"
            value="1"
            defaultChecked={data.filter.archived === '1'}
            className="h-5 w-5"
          />
          {tc('list.showArchived')}
        </label>
        <button type="submit" className="btn-secondary">
          {tc('list.filter')}
        </button>
        {filtered ? (
          <Link to="/materials" className="btn-secondary">
            {tc('list.clearFilters')}
          </Link>
        ) : null}
      </Form>

      {data.materials.length === 0 ? (
        <EmptyState title={filtered ? t('materials.emptyFiltered') : t('materials.empty')}>
          {t('materials.emptyHint')}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="sr-only">{t('materials.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('materials.materialTitle')}</th>
                <th scope="col">{t('materials.kind')}</th>
                <th scope="col">{t('breakdowns.language')}</th>
                <th scope="col">{t('materials.version')}</th>
                <th scope="col">{t('materials.get')}</th>
                <th scope="col" className="text-right">
                  {t('materials.usedIn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.materials.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/materials/${m.id}`}>{m.title}</Link>
                  </td>
                  <td>{t(`materialKinds.${m.kind}`)}</td>
                  <td>{tc(`languages.${m.language}`, { defaultValue: m.language })}</td>
                  <td>{m.version}</td>
                  <td className="space-x-2">
                    {m.fileId ? (
                      <a href={`/materials/${m.id}/file`} download>
                        {t('materials.download')}
                        <span className="sr-only"> {m.fileName}</span>
                      </a>
                    ) : null}
                    {m.url ? (
                      <a href={m.url} rel="noopener noreferrer" target="_blank">
                        {t('materials.openLink')}
                      </a>
                    ) : null}
                  </td>
                  <td className="text-right">
                    {t('materials.actionsCount', {
                      count: m.actionCount,
                      formatted: f.number(m.actionCount),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {data.canEdit ? (
        <section id="new-material" aria-labelledby="new-material-heading" className="space-y-3">
          <h2 id="new-material-heading">{t('materials.new')}</h2>
          <MaterialForm
            schema={materialFormSchema}
            kinds={materialKindList}
            languages={data.languages}
            extensions={data.extensions}
            limitMb={data.limitMb}
            lastResult={lastResult}
            defaultValue={{ version: '1' }}
            submitLabel={t('common:actions.create')}
          />
        </section>
      ) : null}
    </div>
  )
}
