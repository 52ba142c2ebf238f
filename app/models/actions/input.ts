import { isClientKey, isHttpUrl, isRealDate } from './form'

/** What the domain needs to log or edit an action (the quick form and the import both give it). */
export type ActionInput = {
  partnerId: number
  typeId: number
  date: string
  title: string
  channelId?: number | null
  languages?: string[]
  participants?: number | null
  onlineReach?: number | null
  engagements?: number | null
  evidenceUrl?: string | null
  stakeholderIds?: number[]
  themeIds?: number[]
  eventId?: number | null
  activityId?: number | null
  materialId?: number | null
  description?: string | null
  /**
   * The submission's key made on the phone (a UUID, the form's hidden `clientKey`): the same key
   * from the same user is the same action, however often it is sent.
   */
  clientKey?: string | null
  /** 'draft' keeps it out of the review queue; anything else is submitted for validation. */
  status?: 'draft' | 'submitted'
}

export const unique = <T>(values: T[] | undefined) => [...new Set(values ?? [])]

/** The domain's own last line of defence: the form already says all of this nicely. */
export function assertInput(input: ActionInput) {
  if (!isRealDate(input.date)) throw new Error(`invalid date: ${input.date}`)
  for (const n of [input.participants, input.onlineReach, input.engagements]) {
    if (n !== null && n !== undefined && (!Number.isInteger(n) || n < 0))
      throw new Error('figures must be whole numbers, never negative')
  }
  if (input.evidenceUrl && !isHttpUrl(input.evidenceUrl)) throw new Error('evidence link must be http(s)')
  if (!input.title.trim()) throw new Error('title is required')
  if (input.clientKey && !isClientKey(input.clientKey)) throw new Error('client key must be a UUID')
}
