import { beforeAll, describe, expect, it } from 'vitest'

import { db } from '#db/client'
import { stakeholders } from '#db/schema'
import { eraseContact } from '~/models/contacts/index.server'
import {
  addRegistration,
  linkChoices,
  listRegistrations,
  registrationFilterSchema,
} from '~/models/people/index.server'
import { nameKey, normalizeText } from '~/utils/text'

import { demo } from '../setup/actors'
import { tx } from '../setup/db'
import { contactOf, newEvent, reg } from '../setup/people'
import { categoryId } from '../setup/records'

/*
 * The contacts an unlinked registrant may be, by name: the same name whatever its case and
 * accents, in every alphabet. Registration lists come typed in capitals or without diacritics
 * ("ŁUKASZ NOWAK", "ΓΙΩΡΓΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ", "Jiri Novak"), and SQLite's lower() folds A-Z only.
 */

const ct: Record<string, number> = {}
const r: Record<string, number> = {}
let eventId: number

beforeAll(() => {
  const name = 'Urząd Miasta Łodzi'
  const city = db
    .insert(stakeholders)
    .values({
      name,
      categoryId: categoryId('local_authority'),
      nameKey: nameKey(name),
      searchText: normalizeText(name),
    })
    .returning({ id: stakeholders.id })
    .get().id
  ct.lukasz = contactOf(city, 'Łukasz Nowak')
  ct.lukaszLonger = contactOf(city, 'Łukasz Nowakowski')
  ct.giorgos = contactOf(city, 'Γιώργος Παπαδόπουλος', 'g.papadopoulos@example.gr')
  ct.jiri = contactOf(city, 'Jiří Novák')
  ct.li = contactOf(city, 'Li Wu')
  ct.erased = contactOf(city, 'Ștefan Munteanu')
  tx((t) => eraseContact(t, ct.erased!, demo.comms()))
  eventId = newEvent('Konsultacje społeczne w Łodzi', { startDate: '2026-11-10' })
  const add = (v: Record<string, string>) => tx((t) => addRegistration(t, eventId, reg(v), demo.partner()))
  r.lukaszCaps = add({ name: 'ŁUKASZ NOWAK' })
  r.lukaszPlain = add({ name: 'Lukasz  Nowak' })
  r.giorgos = add({ name: 'ΓΙΩΡΓΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ' })
  r.jiri = add({ name: 'Jiri Novak' })
  r.li = add({ name: 'LI WU' })
  r.stefan = add({ name: 'Stefan Munteanu' })
  r.nobody = add({ name: 'Aitor Etxeberria' })
})

describe('the contacts a registrant may be, by name', () => {
  it('are those of the same name, case and accents aside, in every alphabet', () => {
    const rows = listRegistrations(eventId, registrationFilterSchema.parse({}), { limit: 50, offset: 0 }).rows
    const offered = (id: number) => linkChoices(rows)[id]!.contacts.map((c) => c.id)
    expect(offered(r.lukaszCaps!)).toEqual([ct.lukasz])
    expect(offered(r.lukaszPlain!)).toEqual([ct.lukasz])
    expect(offered(r.giorgos!)).toEqual([ct.giorgos])
    expect(offered(r.jiri!)).toEqual([ct.jiri])
    // Two short words: no trigram index to go through, still found.
    expect(offered(r.li!)).toEqual([ct.li])
  })

  it('never offer a longer name, an erased contact, or anyone for a name no contact has', () => {
    const rows = listRegistrations(eventId, registrationFilterSchema.parse({}), { limit: 50, offset: 0 }).rows
    const choices = linkChoices(rows)
    expect(choices[r.lukaszCaps!]!.contacts).toEqual([
      { id: ct.lukasz, name: 'Łukasz Nowak', stakeholderName: 'Urząd Miasta Łodzi' },
    ])
    expect(choices[r.stefan!]!.contacts).toEqual([])
    expect(choices[r.nobody!]!.contacts).toEqual([])
  })
})
