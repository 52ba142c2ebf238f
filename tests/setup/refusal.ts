import { ImportRefusal } from '~/models/imports/decode.server'

/** The import refusal a call throws (its reason and parameters), or 'parsed'; any other error (a TypeError) fails the test. */
export function refusalOf(run: () => unknown) {
  try {
    run()
  } catch (e) {
    if (e instanceof ImportRefusal) return { reason: e.reason, params: e.params }
    throw e
  }
  return 'parsed'
}
