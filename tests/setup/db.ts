import { db } from '#db/client'

/** Runs a domain command's body in one transaction, as the routes do. */
export const tx = <T>(fn: (t: Parameters<Parameters<typeof db.transaction>[0]>[0]) => T) => db.transaction(fn)
