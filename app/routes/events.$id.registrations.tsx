import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, type MetaArgs, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { type z, type ZodTypeAny } from 'zod'

import { db } from '#db/client'
import {
  EmptyState,
  FilterActions,
  FilterInput,
  FilterSelect,
  PageHeader,
  Pagination,
} from '~/components/list'
import { AddRegistrationForm, AttendanceList } from '~/components/registrations'
import { getEvent } from '~/models/events/index.server'
import {
  addRegistration,
  attendanceFormSchema,
  canAcceptProposedContacts,
  canManageRegistrations,
  decideProposal,
  linkChoices,
  linkFormSchema,
  linkRegistrant,
  listRegistrations,
  pendingProposals,
  proposeFormSchema,
  proposeRegistrant,
  purgeExpiredRegistrants,
  registrationFilterSchema,
  registrationFormSchema,
  registrationIdSchema,
  type RegistrationInput,
  removeRegistration,
  setAttendance,
} from '~/models/people/index.server'
// Values the page renders with come from a module the browser also gets (a .server module is empty there).
import { attendanceStates, consentStates } from '~/models/people/schemas'
import { forbidden, invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'
import { pageFromUrl } from '~/utils/paging'
import { orFieldErrors } from '~/utils/references.server'

export const meta = pageTitle<MetaArgs<typeof loader>>('people:registrations.title', ({ data }) => ({
  event: data?.event.title ?? '',
}))

/** The event, and the actor if they may see its registrants (personal data); 403 otherwise. */
async function managedEvent(request: Request, id: string | undefined) {
  const user = await requirePermission(request, 'plan:read')
  const event = getEvent(Number(id))
  invariantResponse(event)
  if (!canManageRegistrations(user, event)) throw forbidden()
  return { user, event }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event } = await managedEvent(request, params.id)
  db.transaction((tx) => purgeExpiredRegistrants(tx))
  const url = new URL(request.url)
  const filter = registrationFilterSchema.parse(Object.fromEntries(url.searchParams))
  const paging = pageFromUrl(url)
  const { rows, total } = listRegistrations(event.id, filter, paging)
  return json({
    event: { id: event.id, title: event.title, kind: event.kind },
    filter,
    rows,
    total,
    page: paging.page,
    pageSize: paging.pageSize,
    choices: linkChoices(rows),
    pending: pendingProposals(event.id),
    canAccept: canAcceptProposedContacts(user),
    search: url.search,
  })
}

type Managed = Awaited<ReturnType<typeof managedEvent>>
type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0]

/** Parses the form with the intent's schema, runs the command, answers with the errors or a redirect. */
function command<S extends ZodTypeAny>(
  request: Request,
  form: FormData,
  intent: string,
  schema: S,
  run: (tx: Tx, value: z.infer<S>) => unknown,
) {
  const submission = parseForm(form, { schema })
  if (submission.status !== 'success') return json({ intent, ...submission.reply() }, { status: 400 })
  const result = orFieldErrors(() => orForbidden(() => db.transaction((tx) => run(tx, submission.value))))
  if (!result.ok)
    return json({ intent, ...submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 })
  const back = new URL(request.url)
  return redirect(`${back.pathname}${back.search}`)
}

function commands({ user, event }: Managed) {
  return {
    add: [registrationFormSchema, (tx: Tx, v: RegistrationInput) => addRegistration(tx, event.id, v, user)],
    attendance: [
      attendanceFormSchema,
      (tx: Tx, v: { shown: number[]; attended: number[] }) =>
        setAttendance(tx, event.id, v.shown, v.attended, user),
    ],
    link: [
      linkFormSchema,
      (tx: Tx, v: { registrationId: number; contactId: number }) =>
        linkRegistrant(tx, event.id, v.registrationId, v.contactId, user),
    ],
    propose: [
      proposeFormSchema,
      (tx: Tx, v: { registrationId: number; stakeholderId: number }) =>
        proposeRegistrant(tx, event.id, v.registrationId, v.stakeholderId, user),
    ],
    accept: [
      registrationIdSchema,
      (tx: Tx, v: { registrationId: number }) => decideProposal(tx, event.id, v.registrationId, true, user),
    ],
    decline: [
      registrationIdSchema,
      (tx: Tx, v: { registrationId: number }) => decideProposal(tx, event.id, v.registrationId, false, user),
    ],
    remove: [
      registrationIdSchema,
      (tx: Tx, v: { registrationId: number }) => removeRegistration(tx, event.id, v.registrationId, user),
    ],
  } as const
}

export async function action({ request, params }: ActionFunctionArgs) {
  const managed = await managedEvent(request, params.id)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const all = commands(managed)
  if (!Object.hasOwn(all, intent))
    return json({ intent, error: { intent: ['common:errors.invalid'] } }, { status: 400 })
  const [schema, run] = all[intent as keyof typeof all] as unknown as [
    ZodTypeAny,
    (tx: Tx, v: unknown) => unknown,
  ]
  return command(request, form, intent, schema, run)
}

export default function RegistrationsPage() {
  const { t } = useTranslation('people')
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const filtered = !!(data.filter.q || data.filter.attended || data.filter.consent)
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to={`/events/${data.event.id}`}>← {data.event.title}</Link>
      </p>
      <PageHeader
        title={t('registrations.heading', { event: data.event.title })}
        exportTo={`/events/${data.event.id}/registrations.csv${data.search}`}
      >
        <Link to={`/events/${data.event.id}/registrations/import`} className="btn-secondary">
          {t('registrations.import')}
        </Link>
      </PageHeader>
      {data.pending ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm">
          {t('registrations.pending', { count: data.pending })}
        </p>
      ) : null}
      <AddRegistrationForm
        errors={lastResult?.intent === 'add' && 'error' in lastResult ? lastResult.error : undefined}
      />
      <Form method="get" className="card grid gap-3 sm:grid-cols-4" aria-label={t('registrations.filters')}>
        <FilterInput name="q" label={t('registrations.search')} value={data.filter.q} />
        <FilterSelect
          name="attended"
          label={t('registrations.attendance')}
          value={data.filter.attended}
          options={attendanceStates.map((s) => ({ value: s, label: t(`registrations.states.${s}`) }))}
        />
        <FilterSelect
          name="consent"
          label={t('registrations.consent')}
          value={data.filter.consent}
          options={consentStates.map((s) => ({ value: s, label: t(`registrations.consentStates.${s}`) }))}
        />
        <FilterActions clearTo={`/events/${data.event.id}/registrations`} filtered={filtered} />
      </Form>
      {data.rows.length === 0 ? (
        <EmptyState title={t(filtered ? 'registrations.noneFiltered' : 'registrations.none')}>
          {t('registrations.noneHint')}
        </EmptyState>
      ) : (
        <AttendanceList
          rows={data.rows}
          choices={data.choices}
          canAccept={data.canAccept}
          errors={
            lastResult && lastResult.intent !== 'add' && 'error' in lastResult ? lastResult.error : undefined
          }
        />
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </div>
  )
}
