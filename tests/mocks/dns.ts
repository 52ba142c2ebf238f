import type { HostResolver } from '~/models/evidence/safe-fetch.server'

import { demoSiteHosts } from './opengraph'

/**
 * Fake DNS for the hosts msw answers. The guarded fetch resolves every host before fetching; in
 * tests and MOCKS=true runs these names must not reach real DNS. The public addresses below are
 * never contacted (msw answers first); `internal.ripple-demo.eu` stands for a name that points
 * into a private network, and any other name is unknown (ENOTFOUND), as an unregistered one is.
 */
export const mockHosts: Record<string, string[]> = {
  'www.ripple-demo.eu': ['93.184.216.34'],
  'news.ripple-demo.eu': ['93.184.216.35', '2606:2800:220:1:248:1893:25c8:1946'],
  'mastodon.social': ['151.101.2.132'],
  'social.ripple-demo.eu': ['93.184.216.36'],
  'public.api.bsky.app': ['52.5.180.186'],
  'bsky.app': ['52.5.180.187'],
  'internal.ripple-demo.eu': ['10.0.0.5'],
  'dual.ripple-demo.eu': ['93.184.216.37', 'fd00::5'],
  ...Object.fromEntries(demoSiteHosts.map((host) => [host, ['93.184.216.40']])),
}

export function fakeHostResolver(hosts: Record<string, string[]> = mockHosts): HostResolver {
  return async (hostname) => {
    const addresses = hosts[hostname.toLowerCase().replace(/\.$/, '')]
    if (addresses) return addresses
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname })
  }
}
