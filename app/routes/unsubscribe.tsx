import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { db } from '#db/client'
import { PageHeader } from '~/components/list'
import { unsubscribe, verifyUnsubscribe } from '~/models/mail/index.server'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('mail:unsubscribe.title')

type Link = { u: string | null; k: string | null; s: string | null }

function fromParams(params: URLSearchParams | FormData): Link {
  const get = (key: string) => {
    const v = params.get(key)
    return typeof v === 'string' ? v : null
  }
  return { u: get('u'), k: get('k'), s: get('s') }
}

/** The signed link from a message: works without signing in; a changed one is refused (400). */
export async function loader({ request }: LoaderFunctionArgs) {
  const link = fromParams(new URL(request.url).searchParams)
  const valid = verifyUnsubscribe(link)
  // A truncated or changed link: 400, with a page that says so plainly.
  if (!valid) return json({ link: null, kind: null }, { status: 400 })
  return json({ link, kind: valid.kind })
}

/**
 * Switches the kind off: the confirm page's form, or a mail program's one-click POST (RFC 8058:
 * the link's own URL with `List-Unsubscribe=One-Click` as the body).
 */
export async function action({ request }: ActionFunctionArgs) {
  const query = fromParams(new URL(request.url).searchParams)
  const form = await request.formData().catch(() => new FormData())
  const posted = fromParams(form)
  const valid = verifyUnsubscribe(posted.s ? posted : query)
  if (!valid) return json({ error: 'invalid_link' as const }, { status: 400 })
  db.transaction((tx) => unsubscribe(tx, valid))
  return json({ done: valid.kind })
}

export default function Unsubscribe() {
  const { t } = useTranslation('mail')
  const { link, kind } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const kindLabel = kind ? t(`kinds.${kind}`) : ''
  return (
    <div className="max-w-prose space-y-4">
      <PageHeader title={t('unsubscribe.title')} />
      {!link || (answer && 'error' in answer) ? (
        <p role="alert" className="card">
          {t('unsubscribe.invalid')}
        </p>
      ) : answer && 'done' in answer ? (
        <p role="status" className="card">
          {t('unsubscribe.done', { kind: kindLabel })}
        </p>
      ) : (
        <Form method="post" className="card space-y-3">
          <p>{t('unsubscribe.confirm', { kind: kindLabel })}</p>
          <input type="hidden" name="u" value={link.u ?? ''} />
          <input type="hidden" name="k" value={link.k ?? ''} />
          <input type="hidden" name="s" value={link.s ?? ''} />
          <button type="submit" className="btn-primary">
            {t('unsubscribe.button')}
          </button>
        </Form>
      )}
      <p className="hint">{t('unsubscribe.account')}</p>
    </div>
  )
}
