import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import { ValuesPage } from '~/components/import/ValuesPage'
import { pageTitle } from '~/utils/meta'

import { valuesAction, valuesLoader } from './_shared/import.server'

export const meta = pageTitle('import:meta.title')
export const loader = ({ request, params }: LoaderFunctionArgs) => valuesLoader(request, params, 'actions')
export const action = ({ request, params }: ActionFunctionArgs) => valuesAction(request, params, 'actions')

export default function Values() {
  return <ValuesPage area="actions" />
}
