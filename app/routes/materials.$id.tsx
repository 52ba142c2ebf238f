import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, Link, type MetaArgs, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { MaterialForm } from '~/components/material-form'
import { MaterialStatusBadge } from '~/components/material-status'
import { ArchivedNotice, ArchiveToggle, PlanNav } from '~/components/plan-nav'
import { getProject } from '~/models/admin/index.server'
import {
  allowedExtensions,
  getMaterial,
  materialFormValues,
  MaterialStatusError,
  materialUsage,
  reviewMaterial,
  setMaterialArchived,
  updateMaterial,
} from '~/models/materials/index.server'
import {
  canDownloadMaterialFile,
  canEditMaterial,
  canEditMaterials,
  canReviewMaterial,
} from '~/models/materials/policy'
import { materialFormSchema, materialKindList } from '~/models/materials/schemas'
import { forbidden, invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { env } from '~/utils/env.server'
import { useFormat } from '~/utils/format'
import { checkMaterialSubmission, readMaterialRequest } from '~/utils/material-upload.server'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle<MetaArgs<typeof loader>>(
  ({ data }) => (data ? 'plan:meta.record' : 'plan:meta.material'),
  ({ data }) => ({ name: data?.material.title }),
)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const found = getMaterial(Number(params.id), user)
  invariantResponse(found)
  const project = getProject()
  invariantResponse(project)
  const m = found.material
  const languages = project.workingLanguages.includes(m.language)
    ? project.workingLanguages
    : [...project.workingLanguages, m.language]
  return json({
    material: m,
    fileName: found.fileName,
    fileSize: found.fileSize,
    usage: materialUsage(m.id),
    languages,
    extensions: allowedExtensions,
    limitMb: env().UPLOAD_LIMIT_MB,
    canEdit: canEditMaterial(user, m),
    canArchive: canEditMaterials(user),
    canReview: canReviewMaterial(user, m),
    downloadable: !!m.fileId && canDownloadMaterialFile(user, m),
    values: materialFormValues(m),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const id = Number(params.id)
  const found = getMaterial(id, user)
  invariantResponse(found)
  // Refused before the file is read; the commands check again.
  if (!canEditMaterial(user, found.material) && !canReviewMaterial(user, found.material)) throw forbidden()
  const limit = env().UPLOAD_LIMIT_MB * 1024 * 1024
  const { formData, file } = await readMaterialRequest(request, limit)
  const intent = formData.get('intent')
  if (intent === 'approve' || intent === 'return') {
    try {
      orForbidden(() => db.transaction((tx) => reviewMaterial(tx, id, intent, user)))
    } catch (error) {
      // Approving or sending back what no longer waits (a second click, another reviewer).
      if (error instanceof MaterialStatusError) throw json({ message: error.message }, { status: 409 })
      throw error
    }
    return redirect(`/materials/${id}`)
  }
  if (intent === 'archive' || intent === 'restore') {
    orForbidden(() => db.transaction((tx) => setMaterialArchived(tx, id, intent === 'archive', user)))
    return redirect(intent === 'archive' ? '/materials' : `/materials/${id}`)
  }
  const checked = checkMaterialSubmission(formData, file, limit, !!found.material.fileId)
  if (!checked.ok) return json(checked.reply, { status: 400 })
  orForbidden(() => db.transaction((tx) => updateMaterial(tx, id, checked.value, checked.upload, user)))
  return redirect(`/materials/${id}`)
}

type Data = SerializeFrom<typeof loader>

export default function MaterialPage() {
  const { t } = useTranslation('plan')
  const { t: tc } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const m = data.material
  return (
    <div className="max-w-4xl space-y-6">
      <div className="page-title">
        <div>
          <p className="text-sm text-ink-muted">
            {t(`materialKinds.${m.kind}`)} · {tc(`languages.${m.language}`, { defaultValue: m.language })} ·{' '}
            {t('materials.versionN', { version: m.version })}
          </p>
          <h1>
            {m.title} <MaterialStatusBadge status={m.status} />
          </h1>
        </div>
        <Link to="/materials" className="btn-secondary">
          {tc('actions.back')}
        </Link>
      </div>
      <PlanNav current="materials" />
      <ArchivedNotice archivedAt={m.archivedAt} />
      {data.canReview ? <ReviewButtons /> : null}
      <MaterialLinks data={data} />
      <MaterialUsage usage={data.usage} />
      {data.canEdit ? (
        <section className="space-y-3" aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t('materials.edit')}</h2>
          <MaterialForm
            schema={materialFormSchema}
            kinds={materialKindList}
            languages={data.languages}
            extensions={data.extensions}
            limitMb={data.limitMb}
            currentFile={data.fileName}
            lastResult={lastResult}
            defaultValue={data.values}
            submitLabel={tc('actions.saveChanges')}
          />
          {data.canArchive ? <ArchiveToggle archivedAt={m.archivedAt} /> : null}
        </section>
      ) : null}
    </div>
  )
}

/** For the communications lead: approve a partner's upload (listed for everyone) or send it back. */
function ReviewButtons() {
  const { t } = useTranslation('plan')
  return (
    <section className="card space-y-2" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('materials.reviewTitle')}</h2>
      <p className="text-sm text-ink-muted">{t('materials.reviewHint')}</p>
      <Form method="post" className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="approve" className="btn-primary">
          {t('materials.approve')}
        </button>
        <button type="submit" name="intent" value="return" className="btn-secondary">
          {t('materials.sendBack')}
        </button>
      </Form>
    </section>
  )
}

/** The description, the download and the link. */
function MaterialLinks({ data }: { data: Data }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  const m = data.material
  return (
    <section className="card space-y-2">
      {m.description ? <p>{m.description}</p> : null}
      <p className="flex flex-wrap gap-3">
        {data.downloadable ? (
          <a href={`/materials/${m.id}/file`} className="btn-secondary" download>
            {t('materials.downloadFile', {
              name: data.fileName,
              size: f.number(Math.max(1, Math.round((data.fileSize ?? 0) / 1024))),
            })}
          </a>
        ) : null}
        {m.url ? (
          <a href={m.url} className="btn-secondary" rel="noopener noreferrer" target="_blank">
            {t('materials.openLink')}
          </a>
        ) : null}
      </p>
    </section>
  )
}

function MaterialUsage({ usage }: { usage: Data['usage'] }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
    <section className="card space-y-2" aria-labelledby="usage-heading">
      <h2 id="usage-heading">{t('materials.usageTitle')}</h2>
      {usage.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('materials.noUsage')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('breakdowns.partner')}</th>
              <th scope="col" className="text-right">
                {t('materials.actionsCiting')}
              </th>
              <th scope="col" className="text-right">
                {t('materials.validatedCiting')}
              </th>
              <th scope="col">{t('materials.lastUsed')}</th>
            </tr>
          </thead>
          <tbody>
            {usage.map((u) => (
              <tr key={u.partnerId}>
                <td>
                  <Link to={`/actions?partner=${u.partnerId}`}>{u.partnerName}</Link>
                </td>
                <td className="text-right">{f.number(u.actions)}</td>
                <td className="text-right">{f.number(u.validated)}</td>
                <td>{f.date(u.lastUsed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
