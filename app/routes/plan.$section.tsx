import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, Link, type ShouldRevalidateFunction, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { db } from '#db/client'
import { markdownClass, PlanNav } from '~/components/plan-nav'
import { PlanSectionEditor, type PreviewReply } from '~/components/plan-section-editor'
import {
  getPlanSection,
  getSectionVersion,
  isPlanSectionKey,
  listSectionVersions,
  restoreSectionVersion,
  savePlanSection,
} from '~/models/plan/index.server'
import { canEditPlan } from '~/models/plan/policy'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { renderMarkdown } from '~/utils/markdown.server'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('plan:title')

const saveSchema = z.object({
  intent: z.enum(['save', 'preview']).default('save'),
  body: z.string().max(100_000, 'common:errors.tooLong').default(''),
})
const restoreSchema = z.object({
  intent: z.literal('restore'),
  versionId: z.coerce.number().int().positive(),
})

function sectionKey(value: string | undefined) {
  const key = value ?? ''
  if (!isPlanSectionKey(key)) throw json({ message: 'not_found' }, { status: 404 })
  return key
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'plan:read')
  const key = sectionKey(params.section)
  const url = new URL(request.url)
  const versionId = Number(url.searchParams.get('version'))
  const version = versionId ? getSectionVersion(key, versionId) : null
  const section = getPlanSection(key)
  return json({
    key,
    body: section?.body ?? '',
    bodyHtml: renderMarkdown(section?.body ?? ''),
    canEdit: canEditPlan(user),
    versions: listSectionVersions(key).map((v) => ({
      id: v.id,
      createdAt: v.createdAt,
      userName: v.userName,
      length: v.body.length,
    })),
    preview: version
      ? { id: version.id, createdAt: version.createdAt, html: renderMarkdown(version.body) }
      : null,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:edit')
  const key = sectionKey(params.section)
  const formData = await request.formData()
  if (formData.get('intent') === 'restore') {
    const submission = parseForm(formData, { schema: restoreSchema })
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    invariantResponse(getSectionVersion(key, submission.value.versionId))
    orForbidden(() =>
      db.transaction((tx) => restoreSectionVersion(tx, key, submission.value.versionId, user)),
    )
    return redirect(`/plan/${key}?history=1&restored=1`)
  }
  const submission = parseForm(formData, { schema: saveSchema })
  if (submission.status !== 'success') return json<PreviewReply>(submission.reply(), { status: 400 })
  if (submission.value.intent === 'preview')
    return json<PreviewReply>({ ...submission.reply(), previewHtml: renderMarkdown(submission.value.body) })
  orForbidden(() =>
    db.transaction((tx) => savePlanSection(tx, key, submission.value.body.replace(/\r\n/g, '\n'), user)),
  )
  return redirect(`/plan#section-${key}`)
}

/** A preview changes nothing: the page's data need not be read again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get('intent') === 'preview' ? false : defaultShouldRevalidate

type Data = SerializeFrom<typeof loader>

export default function PlanSectionPage() {
  const { t } = useTranslation('plan')
  const { t: tc } = useTranslation()
  const data = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <div className="page-title">
        <h1>{t(`sections.${data.key}`)}</h1>
        <Link to={`/plan#section-${data.key}`} className="btn-secondary">
          {tc('actions.back')}
        </Link>
      </div>
      <PlanNav current="plan" />
      {data.canEdit ? <SectionEditor body={data.body} bodyHtml={data.bodyHtml} /> : null}
      <VersionHistory versions={data.versions} />
      {data.preview ? <VersionPreview preview={data.preview} canEdit={data.canEdit} /> : null}
    </div>
  )
}

function SectionEditor({ body, bodyHtml }: { body: string; bodyHtml: string }) {
  const lastResult = useActionData<typeof action>()
  return <PlanSectionEditor body={body} bodyHtml={bodyHtml} lastResult={lastResult} schema={saveSchema} />
}

function VersionHistory({ versions }: { versions: Data['versions'] }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
    <section aria-labelledby="history-heading" className="card space-y-3">
      <h2 id="history-heading">{t('versions.title')}</h2>
      {versions.length === 0 ? (
        <p className="text-sm text-ink-muted">{t('versions.none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('versions.when')}</th>
                <th scope="col">{t('versions.who')}</th>
                <th scope="col">{t('versions.length')}</th>
                <th scope="col">
                  <span className="sr-only">{t('versions.view')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v, i) => (
                <tr key={v.id}>
                  <td>
                    {f.dateTime(v.createdAt)}{' '}
                    {i === 0 ? (
                      <span className="badge bg-brand-50 text-brand-700">{t('versions.current')}</span>
                    ) : null}
                  </td>
                  <td>{v.userName ?? '—'}</td>
                  <td>{t('versions.characters', { count: v.length })}</td>
                  <td>
                    <Link to={`?history=1&version=${v.id}#preview`}>{t('versions.view')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function VersionPreview({ preview, canEdit }: { preview: NonNullable<Data['preview']>; canEdit: boolean }) {
  const { t } = useTranslation('plan')
  const f = useFormat()
  return (
    <section id="preview" aria-labelledby="preview-heading" className="card space-y-3">
      <h2 id="preview-heading">{t('versions.previewTitle', { when: f.dateTime(preview.createdAt) })}</h2>
      <div className={markdownClass} dangerouslySetInnerHTML={{ __html: preview.html }} />
      {canEdit ? (
        <Form method="post">
          <input type="hidden" name="intent" value="restore" />
          <input type="hidden" name="versionId" value={preview.id} />
          <button type="submit" className="btn-secondary">
            {t('versions.restore')}
          </button>
          <p className="hint">{t('versions.restoreHint')}</p>
        </Form>
      ) : null}
    </section>
  )
}
