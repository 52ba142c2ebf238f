import { createContext, useContext } from 'react'

/**
 * The Content-Security-Policy nonce of the page being rendered on the server (see
 * app/server/csp.server.ts). In the browser it is empty: the scripts are already in the page, and
 * browsers hide a nonce from script anyway.
 */
export const NonceContext = createContext('')

export function useNonce(): string {
  return useContext(NonceContext)
}
