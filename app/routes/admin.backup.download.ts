import fs from 'node:fs'
import path from 'node:path'

import {
  type ActionFunctionArgs,
  createReadableStreamFromReadable,
  type LoaderFunctionArgs,
  redirect,
} from '@remix-run/node'

import { backupDatabase } from '~/models/admin/index.server'
import { orForbidden, requirePermission } from '~/utils/auth.server'

/** Opening the address directly leads to the page that explains backups and has the button. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  return redirect('/admin/backup')
}

/**
 * A consistent copy of the live database (SQLite online backup) and its evidence files, as one
 * tar download. POST, so the
 * same-origin check applies and a link cannot trigger it; every download is audited.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  const file = await orForbidden(() => backupDatabase(user))
  const size = fs.statSync(file).size
  const stream = fs.createReadStream(file)
  // Once open, the file can be unlinked: the descriptor keeps the data readable until the stream ends.
  await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject))
  fs.rmSync(path.dirname(file), { recursive: true, force: true })
  const day = new Date().toISOString().slice(0, 10)
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      'Content-Type': 'application/x-tar',
      'Content-Length': String(size),
      'Content-Disposition': `attachment; filename="ripple-backup-${day}.tar"`,
      'Cache-Control': 'no-store',
    },
  })
}
