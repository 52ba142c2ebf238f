import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { PageHeader } from '~/components/list'
import { databaseFileName, evidenceFolderName } from '~/models/admin/index.server'
import { requirePermission } from '~/utils/auth.server'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('admin:meta.backup')

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  return json({ file: databaseFileName(), folder: evidenceFolderName() })
}

export default function Backup() {
  const { t } = useTranslation('admin')
  const { file, folder } = useLoaderData<typeof loader>()
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t('backup.title')} />
      <section className="card space-y-3" aria-labelledby="backup-heading">
        <h2 id="backup-heading" className="text-lg font-semibold">
          {t('backup.downloadTitle')}
        </h2>
        <p>{t('backup.intro')}</p>
        {/* A plain HTML form: the answer is a file download, not a page. */}
        <form method="post" action="/admin/backup/download">
          <button type="submit" className="btn-primary">
            {t('backup.download')}
          </button>
        </form>
        <p className="hint">{t('backup.privacy')}</p>
      </section>
      <section className="card space-y-3" aria-labelledby="restore-heading">
        <h2 id="restore-heading" className="text-lg font-semibold">
          {t('backup.restoreTitle')}
        </h2>
        <p>{t('backup.restoreIntro', { file, folder })}</p>
        <ol className="list-decimal space-y-1 pl-6">
          <li>{t('backup.restoreSteps.stop')}</li>
          <li>{t('backup.restoreSteps.keep', { file, folder })}</li>
          <li>
            {t('backup.restoreSteps.replace', { file, folder })}
            <pre
              className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs"
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a block that scrolls sideways must be reachable by keyboard
              tabIndex={0}
            >{`mkdir ripple-restore\ntar -xf ripple-backup-YYYY-MM-DD.tar -C ripple-restore\ncp ripple-restore/ripple.db ${file}\ncp -R ripple-restore/evidence ${folder}\nrm -f ${file}-wal ${file}-shm`}</pre>
          </li>
          <li>{t('backup.restoreSteps.start')}</li>
        </ol>
      </section>
    </div>
  )
}
