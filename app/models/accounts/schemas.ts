/** The shapes of the forms that send or use an e-mailed link (the browser validates with them too). */
import { z } from 'zod'

import { password } from '~/models/admin/schemas'

export const forgotPasswordSchema = z.object({
  email: z
    .string({ required_error: 'common:errors.required' })
    .trim()
    .email('common:errors.email')
    .max(254, 'common:errors.invalid'),
})

export const setPasswordSchema = z.object({ password })
