/**
 * Evidence files on an action's page (photos with their thumbnails, PDFs with an icon), the
 * buttons that remove and restore them, and the upload; and the file input the action form shows.
 */
import { Form, useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorList } from '~/components/forms'
import { thumbnailSize } from '~/models/actions/files/sizes'
import { useFormat } from '~/utils/format'

/** An evidence file as the action page's loader gives it. */
export type ActionFileView = {
  id: number
  kind: 'image' | 'pdf'
  name: string
  size: number
  width: number | null
  height: number | null
  archivedAt: string | null
}

const accepted = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,application/pdf'

/**
 * The multiple file input `evidenceFiles` (photos, attendance sheets, agendas, slides). The form
 * around it must send `multipart/form-data`.
 */
export function EvidenceFilesInput({
  errors,
  id = 'evidence-files',
}: {
  errors?: string[] | null
  id?: string
}) {
  const { t } = useTranslation('evidence')
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="label">
        {t('files.input')}
      </label>
      <p id={`${id}-hint`} className="text-xs text-ink-muted">
        {t('files.hint')}
      </p>
      <input
        id={id}
        type="file"
        name="evidenceFiles"
        multiple
        accept={accepted}
        className="block w-full text-sm"
        aria-describedby={errors?.length ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={errors?.length ? true : undefined}
      />
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  )
}

function PdfIcon() {
  return (
    <svg viewBox="0 0 24 24" width="48" height="48" aria-hidden="true" className="text-ink-muted">
      <path
        fill="currentColor"
        d="M6 2h8l6 6v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm7 1.5V9h5.5L13 3.5zM7 13v5h1.5v-1.5h1a1.75 1.75 0 0 0 0-3.5H7zm1.5 1.2h1a.55.55 0 0 1 0 1.1h-1v-1.1zM12 13v5h1.8a2.5 2.5 0 0 0 0-5H12zm1.5 1.2h.3a1.3 1.3 0 0 1 0 2.6h-.3v-2.6zM17 13v5h1.5v-2h1.5v-1.2h-1.5v-.6H20V13h-3z"
      />
    </svg>
  )
}

/** The thumbnail's shown size, so the page does not jump while it loads. */
function shownSize(file: ActionFileView) {
  if (!file.width || !file.height) return { width: thumbnailSize, height: thumbnailSize }
  const scale = Math.min(1, thumbnailSize / Math.max(file.width, file.height))
  return { width: Math.round(file.width * scale), height: Math.round(file.height * scale) }
}

function FileCard({
  basePath,
  file,
  canManage,
}: {
  basePath: string
  file: ActionFileView
  canManage: boolean
}) {
  const { t } = useTranslation('evidence')
  const f = useFormat()
  const href = `${basePath}/files/${file.id}`
  return (
    <li className="space-y-1 rounded-md border border-ink-faint/40 p-2">
      <a href={href} download={file.name} className="block">
        {file.kind === 'image' ? (
          <img
            src={`${href}/thumb`}
            alt={t('files.thumbnailAlt', { name: file.name })}
            {...shownSize(file)}
            className="h-auto max-w-full rounded"
            loading="lazy"
          />
        ) : (
          <PdfIcon />
        )}
        <span className="block break-all text-sm">{file.name}</span>
      </a>
      <p className="text-xs text-ink-muted">
        {t('files.size', { size: f.number(Math.max(1, Math.round(file.size / 1024))) })}
      </p>
      {canManage ? (
        <Form method="post" action={href}>
          <input type="hidden" name="intent" value={file.archivedAt ? 'restore' : 'archive'} />
          <button type="submit" className="btn-secondary text-sm">
            {file.archivedAt ? t('files.restore') : t('files.remove')}
          </button>
        </Form>
      ) : null}
    </li>
  )
}

function UploadForm({ basePath, uploadError }: { basePath: string; uploadError: string | null }) {
  const { t } = useTranslation('evidence')
  const fetcher = useFetcher<{ fieldErrors?: Record<string, string[]> }>()
  const form = useRef<HTMLFormElement>(null)
  const busy = fetcher.state !== 'idle'
  // A refusal answered to the fetcher, or (without JavaScript) brought back in the page's URL.
  const errors = fetcher.data
    ? fetcher.data.fieldErrors?.evidenceFiles
    : fetcher.state === 'idle' && uploadError
      ? [uploadError]
      : undefined
  // Added: the page reloads with the new files, and the input is emptied for the next ones.
  useEffect(() => {
    if (fetcher.state === 'idle' && !fetcher.data) form.current?.reset()
  }, [fetcher.state, fetcher.data])
  return (
    <fetcher.Form
      ref={form}
      method="post"
      action={`${basePath}/files`}
      encType="multipart/form-data"
      className="space-y-2"
    >
      <EvidenceFilesInput errors={errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? t('files.adding') : t('files.add')}
      </button>
    </fetcher.Form>
  )
}

/** The files section of an action's page. */
export function ActionFiles({
  actionId,
  files,
  archived,
  canManage,
  uploadError = null,
  basePath = `/actions/${actionId}`,
}: {
  actionId: number
  /** Where the record's files live (`/actions/1`, `/results/1`): `<basePath>/files/<id>`. */
  basePath?: string
  files: ActionFileView[]
  archived: ActionFileView[]
  canManage: boolean
  /** A refused upload's message key, when it was sent without JavaScript. */
  uploadError?: string | null
}) {
  const { t } = useTranslation('evidence')
  if (!files.length && !canManage) return null
  return (
    <section id="files" className="card space-y-3" aria-labelledby="files-title">
      <h2 id="files-title">{t('files.title')}</h2>
      {files.length ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {files.map((file) => (
            <FileCard key={file.id} basePath={basePath} file={file} canManage={canManage} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">{t('files.none')}</p>
      )}
      {canManage ? <UploadForm basePath={basePath} uploadError={uploadError} /> : null}
      {archived.length ? (
        <details>
          <summary className="text-sm">{t('files.archived', { count: archived.length })}</summary>
          <ul className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3">
            {archived.map((file) => (
              <FileCard key={file.id} basePath={basePath} file={file} canManage={canManage} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
