import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/**
 * The calendar subscription link: whether the user has one, the form that makes a new one (the
 * old one stops working), and the new link once, right after it is made. A plain form: works
 * without JavaScript.
 */
export function CalendarTokenForm({ hasToken, url }: { hasToken: boolean; url?: string | null }) {
  const { t } = useTranslation('calendar')
  return (
    <section aria-labelledby="calendar-token-title" className="card space-y-3">
      <h2 id="calendar-token-title">{t('token.title')}</h2>
      <p className="text-sm text-ink-muted">{t('token.intro')}</p>
      {url ? (
        <div>
          <label htmlFor="calendar-url" className="label">
            {t('token.made')}
          </label>
          <input id="calendar-url" readOnly value={url} className="input font-mono text-sm" />
        </div>
      ) : (
        <p className="text-sm">{hasToken ? t('token.has') : t('token.none')}</p>
      )}
      <Form method="post" action="/account/calendar-token">
        <button type="submit" className="btn-secondary">
          {hasToken || url ? t('token.reset') : t('token.make')}
        </button>
      </Form>
    </section>
  )
}
