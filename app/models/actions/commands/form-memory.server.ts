import { eq } from 'drizzle-orm'

import { type Tx } from '#db/client'
import { users } from '#db/schema'

import { type ActionInput, unique } from '../input'

/** Remembers the last type, channel and languages a user chose, for their next quick form. */
export function rememberFormChoices(
  tx: Tx,
  userId: number,
  input: Pick<ActionInput, 'typeId' | 'channelId' | 'languages'>,
) {
  tx.update(users)
    .set({
      actionFormMemory: {
        typeId: input.typeId,
        channelId: input.channelId ?? undefined,
        languages: unique(input.languages),
      },
    })
    .where(eq(users.id, userId))
    .run()
}
