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
import { MaterialForm } from '~/components/material-form'
import { PlanNav } from '~/components/plan-nav'
import {
  allowedExtensions,
  getMaterial,
  materialUsage,
  readMaterialRequest,
  setMaterialArchived,
  updateMaterial,
  validateMaterialUpload,
} from '~/models/materials.server'
import { materialFormSchema, materialKindList } from '~/models/plan-forms'
import { getProject } from '~/models/project.server'
import { invariantResponse, requirePermission } from '~/utils/auth.server'
import { env } from '~/utils/env.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { can } from '~/utils/permissions'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.material.title ?? 'Material'} · Ripple` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const found = getMaterial(Number(params.id))
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
    canEdit: can(user, 'material:edit'),
    values: {
      title: m.title,
      kind: m.kind,
      language: m.language,
      url: m.url ?? undefined,
      version: m.version,
      description: m.description ?? undefined,
    },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'material:edit')
  const id = Number(params.id)
  const found = getMaterial(id)
  invariantResponse(found)
  const limit = env().UPLOAD_LIMIT_MB * 1024 * 1024
  const { formData, file } = await readMaterialRequest(request, limit)
  const intent = formData.get('intent')
  if (intent === 'archive' || intent === 'restore') {
    db.transaction((tx) => {
      setMaterialArchived(tx, id, intent === 'archive', user.id)
    })
    return redirect(intent === 'archive' ? '/materials' : `/materials/${id}`)
  }
  const submission = parseForm(formData, { schema: materialFormSchema })
  const { upload, error } = validateMaterialUpload(file, limit)
  const fieldErrors: Record<string, string[]> = {}
  if (error) fieldErrors.file = [error]
  else if (submission.status === 'success' && !upload && !submission.value.url && !found.material.fileId)
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
  db.transaction((tx) => {
    updateMaterial(tx, id, submission.value, upload, user.id)
  })
  return redirect(`/materials/${id}`)
}

export default function MaterialPage() {
  const { t } = useTranslation('plan')
  const { t: tc } = useTranslation()
  const f = useFormat()
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
          <h1>{m.title}</h1>
        </div>
        <Link to="/materials" className="btn-secondary">
          {tc('actions.back')}
        </Link>
      </div>
      <PlanNav current="materials" />
      {m.archivedAt ? (
        <p className="rounded-md border border-warn bg-warn-bg p-3 text-sm text-warn">
          {t('archivedNotice')}
        </p>
      ) : null}
      <section className="card space-y-2">
        {m.description ? <p>{m.description}</p> : null}
        <p className="flex flex-wrap gap-3">
          {m.fileId ? (
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
      <section className="card space-y-2" aria-labelledby="usage-heading">
        <h2 id="usage-heading">{t('materials.usageTitle')}</h2>
        {data.usage.length === 0 ? (
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
              {data.usage.map((u) => (
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
          <Form method="post">
            <input type="hidden" name="intent" value={m.archivedAt ? 'restore' : 'archive'} />
            <button type="submit" className={m.archivedAt ? 'btn-secondary' : 'btn-danger'}>
              {m.archivedAt ? tc('actions.restore') : tc('actions.archive')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  )
}
