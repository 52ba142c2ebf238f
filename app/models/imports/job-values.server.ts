import type { SessionUser } from '~/utils/session.server'

import { adapterFor, type ImportJob, jobMapping } from './job.server'
import { jobFile, readRowsInTurns } from './job-rows.server'
import {
  listFields,
  type ListOption,
  listOptions,
  rememberValueChoices,
  type UnmatchedValue,
  valueChoices,
} from './values.server'

/** How many distinct values of one field the value step lists (the rest keep their warning). */
export const VALUES_SHOWN = 200

export type ValueStepField = {
  field: string
  values: UnmatchedValue[]
  total: number
  options: ListOption[]
}

/**
 * The value step: per list field of the job, the distinct values of the file that match no
 * entry (with how many rows carry each and the user's remembered choice), and the entries
 * they may be mapped to.
 */
export async function jobUnmatchedValues(
  job: ImportJob,
  user: SessionUser,
  locale: string,
): Promise<ValueStepField[]> {
  const values = valueChoices(user.id)
  // Reading the rows is enough: the adapter notes every value that matches no list entry.
  await readRowsInTurns(adapterFor(job, user, values), await jobFile(job), jobMapping(job))
  const all = values.unmatched()
  return listFields[job.kind]
    .map((field) => {
      const of = all.filter((v) => v.field === field)
      return {
        field,
        values: of.slice(0, VALUES_SHOWN),
        total: of.length,
        options: listOptions(field, locale),
      }
    })
    .filter((f) => f.total > 0)
}

/** Remembers the value step's choices for this user's next imports too. */
export function saveJobValueChoices(
  job: ImportJob,
  user: SessionUser,
  choices: { field: string; key: string; target: string }[],
) {
  return rememberValueChoices(user.id, job.kind, choices)
}
