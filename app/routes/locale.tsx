import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { z } from 'zod'

import { db } from '#db/client'
import { users } from '#db/schema'
import { supportedLocales } from '~/i18n/i18n'
import { localeCookie } from '~/utils/locale.server'
import { safeRedirect } from '~/utils/redirect'
import { getSessionUser } from '~/utils/session.server'

const schema = z.object({ locale: z.enum(supportedLocales), redirectTo: z.string().optional() })

/** Remembers the chosen interface language: on the account, and in a cookie for the sign-in page. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw new Response('Unknown language', { status: 400 })
  const user = await getSessionUser(request)
  if (user) db.update(users).set({ locale: parsed.data.locale }).where(eq(users.id, user.id)).run()
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { 'Set-Cookie': await localeCookie.serialize(parsed.data.locale) },
  })
}

export async function loader() {
  return redirect('/')
}
