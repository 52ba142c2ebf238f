import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import {
  ArchivedFilter,
  EmptyState,
  FilterActions,
  FilterInput,
  FilterSelect,
  PageHeader,
  StatusBadge,
} from '~/components/list'
import { MaterialForm } from '~/components/material-form'
import { MaterialStatusBadge } from '~/components/material-status'
import { PlanNav } from '~/components/plan-nav'
import { getProject } from '~/models/admin/index.server'
import {
  allowedExtensions,
  createMaterial,
  languageMatrix,
  listMaterials,
  pendingMaterialCount,
} from '~/models/materials/index.server'
import {
  canDownloadMaterialFile,
  canUploadMaterials,
  uploadWaitsForApproval,
} from '~/models/materials/policy'
import {
  materialFilterSchema,
  materialFormSchema,
  materialKindList,
  materialStatusList,
} from '~/models/materials/schemas'
import { forbidden, invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { env } from '~/utils/env.server'
import { useFormat } from '~/utils/format'
import { checkMaterialSubmission, readMaterialRequest } from '~/utils/material-upload.server'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('plan:materials.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const project = getProject()
  invariantResponse(project)
  const filter = materialFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return json({
    filter,
    materials: listMaterials(filter, user).map((m) => ({
      ...m,
      downloadable: !!m.fileId && canDownloadMaterialFile(user, m),
    })),
    matrix: languageMatrix(project.workingLanguages),
    languages: project.workingLanguages,
    extensions: allowedExtensions,
    limitMb: env().UPLOAD_LIMIT_MB,
    canUpload: canUploadMaterials(user),
    // The communications lead approves partners' uploads (0 for anyone else).
    pending: pendingMaterialCount(user),
    waits: uploadWaitsForApproval(user),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  // Refused before the file is read; createMaterial checks again.
  if (!canUploadMaterials(user)) throw forbidden()
  const limit = env().UPLOAD_LIMIT_MB * 1024 * 1024
  const { formData, file } = await readMaterialRequest(request, limit)
  const checked = checkMaterialSubmission(formData, file, limit, false)
  if (!checked.ok) return json(checked.reply, { status: 400 })
  const id = orForbidden(() =>
    db.transaction((tx) => createMaterial(tx, checked.value, checked.upload, user)),
  )
  return redirect(`/materials/${id}`)
}

type Data = SerializeFrom<typeof loader>

export default function MaterialsPage() {
  const { t } = useTranslation('plan')
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const filtered = Object.values(data.filter).some((v) => v !== undefined)
  return (
    <div className="space-y-6">
      <PageHeader title={t('materials.title')} exportTo="/materials.csv">
        {data.canUpload ? (
          <a href="#new-material" className="btn-primary">
            {t('materials.new')}
          </a>
        ) : null}
      </PageHeader>
      <PlanNav current="materials" />
      <PendingNotice pending={data.pending} />
      <LanguageMatrix languages={data.languages} matrix={data.matrix} />
      <MaterialsFilter filter={data.filter} languages={data.languages} filtered={filtered} />
      {data.materials.length === 0 ? (
        <EmptyState title={filtered ? t('materials.emptyFiltered') : t('materials.empty')}>
          {t('materials.emptyHint')}
        </EmptyState>
      ) : (
        <MaterialsTable materials={data.materials} />
      )}
      {data.canUpload ? (
        <section id="new-material" aria-labelledby="new-material-heading" className="space-y-3">
          <h2 id="new-material-heading">{t('materials.new')}</h2>
          {data.waits ? <p className="hint">{t('materials.waitsHint')}</p> : null}
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

/** For the communications lead: how many partners' uploads wait for approval. */
function PendingNotice({ pending }: { pending: number }) {
  const { t } = useTranslation('plan')
  if (!pending) return null
  return (
    <p className="card" role="status">
      <StatusBadge tone="warn">{t('materials.pendingCount', { count: pending })}</StatusBadge>{' '}
      <Link to="?status=pending">{t('materials.showPending')}</Link>
    </p>
  )
}

/** Which working languages each kind of material exists in; gaps stand out. */
function LanguageMatrix({ languages, matrix }: { languages: string[]; matrix: Data['matrix'] }) {
  const { t } = useTranslation('plan')
  const { t: tc } = useTranslation()
  return (
    <section className="card space-y-2" aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">{t('materials.matrixTitle')}</h2>
      <p className="text-sm text-ink-muted">{t('materials.matrixHint')}</p>
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('materials.kind')}</th>
              {languages.map((l) => (
                <th key={l} scope="col">
                  <abbr title={tc(`languages.${l}`, { defaultValue: l })}>{l.toUpperCase()}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.map((row) => (
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
  )
}

function MaterialsFilter({
  filter,
  languages,
  filtered,
}: {
  filter: Data['filter']
  languages: string[]
  filtered: boolean
}) {
  const { t } = useTranslation('plan')
  const { t: tc } = useTranslation()
  return (
    <Form method="get" className="card flex flex-wrap items-end gap-3 no-print">
      <FilterInput name="q" label={tc('list.search')} value={filter.q} />
      <FilterSelect
        name="kind"
        label={t('materials.kind')}
        value={filter.kind}
        options={materialKindList.map((k) => ({ value: k, label: t(`materialKinds.${k}`) }))}
      />
      <FilterSelect
        name="language"
        label={t('breakdowns.language')}
        value={filter.language}
        options={languages.map((l) => ({ value: l, label: tc(`languages.${l}`, { defaultValue: l }) }))}
      />
      <FilterSelect
        name="status"
        label={t('materials.status')}
        value={filter.status}
        options={materialStatusList.map((s) => ({ value: s, label: t(`materialStatus.${s}`) }))}
      />
      <ArchivedFilter checked={filter.archived === '1'} />
      <FilterActions clearTo="/materials" filtered={filtered} />
    </Form>
  )
}

function MaterialsTable({ materials }: { materials: Data['materials'] }) {
  const { t } = useTranslation('plan')
  const { t: tc } = useTranslation()
  const f = useFormat()
  return (
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
          {materials.map((m) => (
            <tr key={m.id}>
              <td>
                <Link to={`/materials/${m.id}`}>{m.title}</Link> <MaterialStatusBadge status={m.status} />
              </td>
              <td>{t(`materialKinds.${m.kind}`)}</td>
              <td>{tc(`languages.${m.language}`, { defaultValue: m.language })}</td>
              <td>{m.version}</td>
              <td className="space-x-2">
                {m.downloadable ? (
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
                {t('materials.actionsCount', { count: m.actionCount, formatted: f.number(m.actionCount) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
