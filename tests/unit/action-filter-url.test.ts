import { describe, expect, it } from 'vitest'

import { actionFilterFromUrl, actionFilterSchema } from '~/models/actions/filter-schema'

describe('the filter from the URL', () => {
  it('keeps what parses and drops the rest, empty values included', () => {
    const f = actionFilterFromUrl(
      new URLSearchParams(
        'partner=0&type=2&channel=-1&language=ell&status=returned&from=2026-01-31&to=&stakeholder=1.5&theme=4&event=x&q=&mine=2&sort=date_asc',
      ),
    )
    expect(f).toEqual({
      type: 2,
      language: 'ell',
      status: 'returned',
      from: '2026-01-31',
      theme: 4,
      sort: 'date_asc',
    })
    expect(actionFilterFromUrl(new URL('http://x/actions?language=e&q=' + 'ą'.repeat(201)))).toEqual({})
    expect(
      actionFilterFromUrl(new URL('http://x/actions?language=%20PL%20&q=%C5%81%C3%B3d%C5%BA&mine=1')),
    ).toEqual({
      language: 'pl',
      q: 'Łódź',
      mine: '1',
    })
    expect(
      actionFilterFromUrl(new URL('http://x/actions?event=7&stakeholder=8&channel=9&partner=10')),
    ).toEqual({
      event: 7,
      stakeholder: 8,
      channel: 9,
      partner: 10,
    })
    expect(actionFilterSchema.parse({ from: null, to: '2026-13-01', sort: 'newest' })).toEqual({})
    expect(actionFilterSchema.parse({ language: 'polski' })).toEqual({})
  })
})
