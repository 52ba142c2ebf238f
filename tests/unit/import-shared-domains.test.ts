import { describe, expect, it } from 'vitest'

import { isSharedDomain } from '~/models/imports/shared-domains'

/*
 * Web domains many organisations share: two stakeholders with one of them are not the same
 * organisation (webmail, public portals, programme sites, social and site-builder hosts). An
 * organisation's own domain, and a domain only looking like a shared one, is not shared.
 */

const shared = (domains: string) => domains.split(' ').map((d) => [d] as const)

describe('webmail', () => {
  it.each(
    shared(
      'gmail.com googlemail.com msn.com icloud.com me.com proton.me protonmail.com web.de t-online.de freenet.de ' +
        'wp.pl o2.pl onet.pl interia.pl op.pl seznam.cz centrum.cz email.cz azet.sk libero.it virgilio.it ' +
        'tiscali.it alice.it orange.fr wanadoo.fr free.fr laposte.net sfr.fr telefonica.net terra.es sapo.pt ' +
        'abv.bg freemail.hu citromail.hu otenet.gr yandex.ru mail.ru zoho.com',
    ),
  )('%s is shared', (domain) => {
    expect(isSharedDomain(domain)).toBe(true)
  })

  it.each(
    shared(
      'hotmail.com outlook.com live.com gmx.net gmx.de gmx.at gmx.com aol.com yahoo.es yahoo.co.uk ymail.com ' +
        'hotmail.fr outlook.de live.be gmx.ch aol.fr yahoo.com.ar',
    ),
  )('%s, a webmail brand with a domain per country, is shared', (domain) => {
    expect(isSharedDomain(domain)).toBe(true)
  })

  it('in any case: an address typed in capitals is still webmail', () => {
    expect(isSharedDomain('GMAIL.COM')).toBe(true)
    expect(isSharedDomain('Seznam.CZ')).toBe(true)
    expect(isSharedDomain('Yahoo.Gr')).toBe(true)
  })
})

describe('public portals: their own domain is shared, a body under them has its own', () => {
  it.each(
    shared(
      'gov.pl gov.gr gov.cz gov.sk gov.si gov.ro gov.it gov.pt gov.uk gov.ie gouv.fr service-public.fr ' +
        'be.brussels brussels.be belgium.be gob.es bund.de admin.ch govt.nz',
    ),
  )('%s is shared', (domain) => {
    expect(isSharedDomain(domain)).toBe(true)
  })

  it.each(shared('lodz.uw.gov.pl mzp.gov.cz thessaloniki.gov.gr mdlpa.gov.ro bmi.bund.de bordeaux.gouv.fr'))(
    '%s, one body on a portal, is its own',
    (domain) => {
      expect(isSharedDomain(domain)).toBe(false)
    },
  )
})

describe('programme sites and social or site-builder hosts: the host and every subdomain', () => {
  it.each(
    shared(
      'europa.eu interregeurope.eu interreg.eu urbact.eu uia-initiative.eu keep.eu facebook.com linkedin.com ' +
        'twitter.com x.com instagram.com youtube.com wordpress.com blogspot.com wixsite.com google.com ' +
        'github.io weebly.com jimdo.com canalblog.com',
    ),
  )('%s is shared', (domain) => {
    expect(isSharedDomain(domain)).toBe(true)
  })

  it.each(
    shared(
      'ec.europa.eu projects2014-2020.interregeurope.eu www.urbact.eu pl-pl.facebook.com gr.linkedin.com ' +
        'sites.google.com tarkomures.wordpress.com gasteizkoudala.blogspot.com lodz.github.io',
    ),
  )('%s, a page on a shared host, is shared', (domain) => {
    expect(isSharedDomain(domain)).toBe(true)
  })
})

describe('an organisation’s own domain is not shared, nor one that only looks like a shared one', () => {
  it.each(
    shared(
      'uml.lodz.pl thessaloniki.gr praha.eu tirgumures.ro vitoria-gasteiz.org eurocities.eu ' +
        'notgmail.com gmail.com.pl mygmx.de wp.pl.org myfacebook.com europa.eu.org xeuropa.eu ' +
        'yahoo.example.com yahoo.info myyahoo.com yahoo.com.evil.org hotmail.co.uk.example gov.pl.com ' +
        'gouv.fr.eu agov.pl',
    ),
  )('%s is its own', (domain) => {
    expect(isSharedDomain(domain)).toBe(false)
  })
})
