import { type ActionFunctionArgs, json, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { PageHeader } from '~/components/list'
import { listJobs, runJobNow } from '~/models/jobs/index.server'
import { orForbidden, requirePermission } from '~/utils/auth.server'
import { useFormat } from '~/utils/format'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('mail:jobs.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  return json({ jobs: orForbidden(() => listJobs(user)) })
}

const runSchema = z.object({ job: z.string().min(1).max(100) })

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  const submission = parseForm(await request.formData(), { schema: runSchema })
  if (submission.status !== 'success') return json({ error: 'invalid' as const }, { status: 400 })
  const outcome = await orForbidden(() => runJobNow(user, submission.value.job))
  if (!outcome) return json({ error: 'unknown' as const }, { status: 404 })
  return json(
    outcome.ran
      ? { job: submission.value.job, ok: outcome.ok, result: outcome.result }
      : { job: submission.value.job, busy: true },
  )
}

export default function Jobs() {
  const { t } = useTranslation('mail')
  const f = useFormat()
  const { jobs } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  return (
    <div>
      <PageHeader title={t('jobs.title')} />
      <p className="mb-4 max-w-prose text-ink-muted">{t('jobs.intro')}</p>
      {answer ? (
        <p role="status" className="card mb-4">
          {'error' in answer
            ? t(`jobs.errors.${answer.error}`)
            : 'busy' in answer
              ? t('jobs.busy', { job: answer.job })
              : t(answer.ok ? 'jobs.ran' : 'jobs.failed', { job: answer.job, result: answer.result })}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="table">
          <caption className="sr-only">{t('jobs.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('jobs.name')}</th>
              <th scope="col">{t('jobs.lastRun')}</th>
              <th scope="col">{t('jobs.nextRun')}</th>
              <th scope="col">{t('jobs.result')}</th>
              <th scope="col">{t('jobs.attempts')}</th>
              <th scope="col">
                <span className="sr-only">{t('jobs.run')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.name}>
                <th scope="row">
                  {t(`jobs.names.${job.name}`, { defaultValue: job.name })}
                  <span className="block text-xs font-normal text-ink-muted">
                    <code>{job.name}</code> · <code>{job.schedule}</code> (UTC)
                  </span>
                </th>
                <td>
                  {job.lastRunAt ? f.dateTime(job.lastRunAt) : t('jobs.never')}
                  {job.lastPeriod ? (
                    <span className="block text-xs text-ink-muted">{job.lastPeriod}</span>
                  ) : null}
                </td>
                <td>{job.nextRunAt ? f.dateTime(job.nextRunAt) : '—'}</td>
                <td>
                  {job.lastStatus ? (
                    <span className="font-semibold">{t(`jobs.status.${job.lastStatus}`)}</span>
                  ) : null}
                  {job.lastResult ? <span className="block text-sm">{job.lastResult}</span> : null}
                </td>
                <td>{job.attempts}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="job" value={job.name} />
                    <button
                      type="submit"
                      className="btn-secondary"
                      aria-label={t('jobs.runLabel', { job: job.name })}
                    >
                      {t('jobs.run')}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
