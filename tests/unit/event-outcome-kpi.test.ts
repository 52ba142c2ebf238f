import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { actionTypes, stakeholders } from '#db/schema'
import { createAction } from '~/models/actions/index.server'
import { createEvent, eventFormSchema } from '~/models/events/index.server'
import { createOutcome, outcomeFormSchema, setOutcomeStatus } from '~/models/outcomes/index.server'
import { eventKpiList, eventKpis } from '~/models/people/index.server'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'

/*
 * Issue 16, point 3: "outcomes linked" per event and campaign, hand-counted.
 * Campaign K with actions A1 and A2; webinar W with action A3.
 * - O1 fed by A1 and A2 and naming K itself: one outcome for K (not three);
 * - O2 fed by A1 only: K has 2;
 * - O3 fed by A2 but returned: not counted;
 * - O4 names W and is fed by A1: counts once for K (through A1) and once for W.
 * K: 3 outcomes linked (O1, O2, O4); W: 1 (O4).
 */

let campaign: number
let webinar: number

function event(kind: string, title: string) {
  return tx((t) =>
    createEvent(
      t,
      eventFormSchema.parse({
        kind,
        title,
        startDate: '2031-03-01',
        endDate: '2031-03-31',
        online: 'on',
        hostPartnerId: String(demo.partner().partnerId),
      }),
      demo.comms(),
    ),
  )
}

beforeAll(() => {
  const comms = demo.comms()
  const partnerId = demo.partner().partnerId!
  campaign = event('campaign', 'Kampania „Zażółć gęślą jaźń”')
  webinar = event('webinar', 'Webinář: Příliš žluťoučký kůň')
  const typeId = db.select({ id: actionTypes.id }).from(actionTypes).limit(1).get()!.id
  const stakeholderId = db.select({ id: stakeholders.id }).from(stakeholders).limit(1).get()!.id
  tx((t) => {
    const action = (title: string, eventId: number) =>
      createAction(t, { partnerId, typeId, eventId, date: '2031-03-05', title, stakeholderIds: [] }, comms)
    const a1 = action('Post w Łodzi', campaign)
    const a2 = action('Αφίσα στην Αθήνα', campaign)
    const a3 = action('Webinář', webinar)
    const outcome = (title: string, actionIds: number[], eventIds: number[]) =>
      createOutcome(
        t,
        outcomeFormSchema.parse({
          type: 'practice_adopted',
          date: '2031-03-20',
          title,
          partnerId: String(partnerId),
          stakeholderIds: [String(stakeholderId)],
          actionIds: actionIds.map(String),
          eventIds: eventIds.map(String),
        }),
        comms,
      )
    outcome('O1 Łódź adopts the guide', [a1, a2], [campaign])
    outcome('O2 Timișoara joins', [a1], [])
    const o3 = outcome('O3 returned', [a2], [])
    setOutcomeStatus(t, o3, 'returned', comms, 'Not linked to the project')
    outcome('O4 Donostia/Bilbo', [a1, a3], [webinar])
  })
})

describe('outcomes linked to an event or campaign (hand-counted)', () => {
  it('an outcome fed by two actions of the same campaign counts once; returned ones not at all', () => {
    const [k, w] = eventKpis([campaign, webinar])
    expect(k).toMatchObject({ eventId: campaign, outcomes: 3, actions: 2 })
    expect(w).toMatchObject({ eventId: webinar, outcomes: 1, actions: 1 })
  })

  it('the coverage dashboard’s list carries the same figure', () => {
    const list = eventKpiList('2031-03-01', '2031-03-31')
    expect(list.find((e) => e.id === campaign)?.kpis.outcomes).toBe(3)
    expect(list.find((e) => e.id === webinar)?.kpis.outcomes).toBe(1)
  })
})
