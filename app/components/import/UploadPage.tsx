import type { SerializeFrom } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useMatches, useNavigate, useNavigation } from '@remix-run/react'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorList } from '~/components/forms'
import type { uploadLoader } from '~/routes/_shared/import.server'

import { type Area, Title } from './shared'

type UploadData = SerializeFrom<typeof uploadLoader>
type UploadResult = { errors?: { file?: string[]; partnerId?: string[] }; limitMb?: number } | undefined

/**
 * Sends the upload form with XMLHttpRequest, whose upload events give a progress bar for large
 * files on slow connections (fetch, which Remix submits with, has none). Posts to the route's
 * own action as a Remix data request: a redirect comes back as X-Remix-Redirect and is followed;
 * anything else is the action's answer (the errors next to the fields). Without JavaScript the
 * form posts as usual.
 */
function useUploadWithProgress() {
  const navigate = useNavigate()
  const matches = useMatches()
  const routeId = matches[matches.length - 1]?.id
  // null: not sending; 0-1: the share of the file sent; 1 also while the server reads it.
  const [progress, setProgress] = useState<number | null>(null)
  const [answer, setAnswer] = useState<UploadResult>()
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    if (typeof XMLHttpRequest === 'undefined' || !routeId) return
    event.preventDefault()
    const url = new URL(form.action, window.location.href)
    url.searchParams.set('_data', routeId)
    const request = new XMLHttpRequest()
    request.open('POST', url)
    request.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) setProgress(e.loaded / e.total)
    }
    request.upload.onload = () => setProgress(1)
    request.onload = () => {
      const redirectTo = request.getResponseHeader('X-Remix-Redirect')
      if (redirectTo) {
        navigate(redirectTo)
        return
      }
      setProgress(null)
      try {
        setAnswer(JSON.parse(request.responseText) as UploadResult)
      } catch {
        setAnswer({ errors: { file: ['import:upload.failed'] } })
      }
    }
    request.onerror = () => {
      setProgress(null)
      setAnswer({ errors: { file: ['import:upload.failed'] } })
    }
    setAnswer(undefined)
    setProgress(0)
    request.send(new FormData(form))
  }
  return { progress, answer, onSubmit }
}

function KindChoice() {
  const { t } = useTranslation('import')
  return (
    <fieldset>
      <legend className="label">{t('upload.kind')}</legend>
      <label className="mr-4 inline-flex items-center gap-2 text-sm">
        <input type="radio" name="kind" value="stakeholders" defaultChecked /> {t('kinds.stakeholders')}
      </label>
      <label className="inline-flex items-center gap-2 text-sm">
        <input type="radio" name="kind" value="contacts" /> {t('kinds.contacts')}
      </label>
      <p className="hint">{t('upload.vcardHint')}</p>
    </fieldset>
  )
}

/** Actions: the partner they are for, chosen by those who may import for any partner. */
function PartnerChoice({ data, errors }: { data: UploadData; errors?: string[] }) {
  const { t } = useTranslation('import')
  if (!data.choosePartner)
    return <p className="text-sm">{t('upload.ownPartner', { partner: data.partners[0]?.name ?? '' })}</p>
  return (
    <div>
      <label htmlFor="import-partner" className="label">
        {t('upload.partner')}
      </label>
      <select
        id="import-partner"
        name="partnerId"
        className="input"
        required
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? 'import-partner-error' : undefined}
      >
        <option value="">{t('upload.choosePartner')}</option>
        {data.partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <ErrorList id="import-partner-error" errors={errors} />
    </div>
  )
}

function FileField({ limitMb, fileErrors }: { limitMb: number; fileErrors?: string[] }) {
  const { t } = useTranslation('import')
  return (
    <div>
      <label htmlFor="import-file" className="label">
        {t('upload.file')}
      </label>
      <input
        id="import-file"
        name="file"
        type="file"
        required
        accept=".csv,.txt,.tsv,.json,.vcf,.vcard,text/csv,application/json,text/vcard"
        className="input"
        aria-invalid={fileErrors?.length ? true : undefined}
        aria-describedby={`import-file-hint${fileErrors?.length ? ' import-file-error' : ''}`}
      />
      <p id="import-file-hint" className="hint">
        {t('upload.hint', { limit: limitMb })}
      </p>
      {fileErrors?.length ? (
        <ul id="import-file-error" className="field-error" role="alert">
          {fileErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function UploadProgress({ percent }: { percent: number }) {
  const { t } = useTranslation('import')
  return (
    <div className="space-y-1">
      <progress
        id="import-progress"
        className="h-2 w-full accent-brand-600"
        max={100}
        value={percent}
        aria-labelledby="import-progress-label"
      />
      <p id="import-progress-label" className="text-sm" aria-live="polite">
        {percent < 100 ? t('upload.sending', { percent }) : t('upload.reading')}
      </p>
    </div>
  )
}

export function UploadPage({ area }: { area: Area }) {
  const { t } = useTranslation('import')
  const data = useLoaderData<UploadData>()
  const upload = useUploadWithProgress()
  const actionData = useActionData<UploadResult>()
  const result = upload.answer ?? actionData
  const navigation = useNavigation()
  const busy =
    upload.progress !== null ||
    (navigation.state !== 'idle' && navigation.formMethod?.toLowerCase() === 'post')
  const fileErrors = result?.errors?.file?.map((e) =>
    t(e, { limit: data.limitMb, columns: data.caps.columns, rows: data.caps.rows }),
  )
  const percent = upload.progress === null ? null : Math.round(upload.progress * 100)
  return (
    <div className="max-w-3xl">
      <Title area={area} step="upload" back={data.back} />
      <Form method="post" encType="multipart/form-data" className="card space-y-4" onSubmit={upload.onSubmit}>
        <p className="text-sm">{t(`upload.intro.${area}`)}</p>
        {area === 'stakeholders' ? <KindChoice /> : null}
        {area === 'actions' ? <PartnerChoice data={data} errors={result?.errors?.partnerId} /> : null}
        <FileField limitMb={data.limitMb} fileErrors={fileErrors} />
        {percent !== null ? <UploadProgress percent={percent} /> : null}
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? t('upload.reading') : t('upload.submit')}
        </button>
      </Form>
    </div>
  )
}
