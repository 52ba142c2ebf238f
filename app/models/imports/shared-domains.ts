/*
 * Web domains that many organisations share, so that two records with one of them are not the
 * same organisation: webmail, public portals that host many bodies' pages, programme sites
 * that host every project's page, and social or site-builder hosts. A match on one of them is
 * at most a weak hint in an import (shown, default "create").
 */

const webmail = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.net',
  'gmx.de',
  'gmx.at',
  'gmx.com',
  'web.de',
  't-online.de',
  'freenet.de',
  'wp.pl',
  'o2.pl',
  'onet.pl',
  'interia.pl',
  'op.pl',
  'seznam.cz',
  'centrum.cz',
  'email.cz',
  'azet.sk',
  'libero.it',
  'virgilio.it',
  'tiscali.it',
  'alice.it',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'telefonica.net',
  'terra.es',
  'sapo.pt',
  'abv.bg',
  'freemail.hu',
  'citromail.hu',
  'otenet.gr',
  'yandex.ru',
  'mail.ru',
  'zoho.com',
]
/** Webmail brands with one domain per country (yahoo.es, hotmail.fr, outlook.de, gmx.ch, ...). */
const webmailBrands = /^(?:yahoo|ymail|hotmail|outlook|live|gmx|aol)\.[a-z]{2,3}(?:\.[a-z]{2})?$/

/** Portals whose own domain (not their subdomains) many public bodies use. */
const portals = [
  'gov.pl',
  'gov.gr',
  'gov.cz',
  'gov.sk',
  'gov.si',
  'gov.ro',
  'gov.it',
  'gov.pt',
  'gov.uk',
  'gov.ie',
  'gouv.fr',
  'service-public.fr',
  'be.brussels',
  'brussels.be',
  'belgium.be',
  'gob.es',
  'bund.de',
  'admin.ch',
  'govt.nz',
]
/** Programme and host sites: every subdomain and page is someone else's (projects2014-2020.interregeurope.eu). */
const hosts = [
  'europa.eu',
  'interregeurope.eu',
  'interreg.eu',
  'urbact.eu',
  'uia-initiative.eu',
  'keep.eu',
  'facebook.com',
  'linkedin.com',
  'twitter.com',
  'x.com',
  'instagram.com',
  'youtube.com',
  'wordpress.com',
  'blogspot.com',
  'wixsite.com',
  'google.com',
  'github.io',
  'weebly.com',
  'jimdo.com',
  'canalblog.com',
]
const exact = new Set([...webmail, ...portals])

/** Is this web domain shared by many organisations (webmail, a portal, a programme site)? */
export function isSharedDomain(domain: string): boolean {
  const d = domain.toLowerCase()
  if (exact.has(d) || webmailBrands.test(d)) return true
  return hosts.some((h) => d === h || d.endsWith(`.${h}`))
}
