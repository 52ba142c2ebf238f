import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** What /league and /league/rules say when the communications lead has switched the league off. */
export function LeagueOff() {
  const { t } = useTranslation('league')
  return (
    <section className="card my-8 max-w-prose" aria-labelledby="league-off-title">
      <h1 id="league-off-title">{t('off.title')}</h1>
      <p className="mt-2">{t('off.body')}</p>
    </section>
  )
}

/** The communications lead's switch on /admin/project: a plain form, one checkbox. */
export function LeagueSwitch({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation('league')
  return (
    <section id="league" className="card" aria-labelledby="league-heading">
      <h2 id="league-heading" className="mb-2 text-lg font-semibold">
        {t('admin.title')}
      </h2>
      <p className="hint mb-3">{t('admin.hint')}</p>
      <Form method="post" className="space-y-3">
        <input type="hidden" name="intent" value="league" />
        <label className="flex min-h-[2rem] items-center gap-2">
          <input type="checkbox" name="leagueEnabled" defaultChecked={enabled} className="h-5 w-5" />
          {t('admin.enabled')}
        </label>
        <button type="submit" className="btn-primary">
          {t('admin.save')}
        </button>
      </Form>
    </section>
  )
}

/** A table that may scroll sideways on a phone: a named region the keyboard can reach. */
export function ScrollingTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      className="overflow-x-auto"
      role="region"
      aria-label={label}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
      tabIndex={0}
    >
      {children}
    </div>
  )
}
