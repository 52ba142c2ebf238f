import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import {
  type ActionFunctionArgs,
  json,
  type LoaderFunctionArgs,
  redirect,
  type SerializeFrom,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'

import { ErrorList, Field } from '~/components/forms'
import { StatusBadge } from '~/components/list'
import { categoryLabel } from '~/components/stakeholders'
import {
  addCategory,
  archiveCategory,
  categoriesWithCounts,
  categoryExists,
  editCategory,
  moveCategoryBy,
} from '~/models/admin/index.server'
import { invariantResponse, orForbidden, requirePermission } from '~/utils/auth.server'
import { parseForm } from '~/utils/forms'
import { pageTitle } from '~/utils/meta'

export const meta = pageTitle('admin:meta.categories')

const nameField = z
  .string({ required_error: 'common:errors.required' })
  .trim()
  .min(1, 'common:errors.required')
  .max(120, 'common:errors.tooLong')
const funded = z.preprocess((v) => v === 'on' || v === 'true', z.boolean())
const createSchema = z.object({ name: nameField, isFundedProject: funded })
const updateSchema = z.object({
  id: z.coerce.number().int().positive(),
  name: nameField,
  isFundedProject: funded,
})
const idSchema = z.object({ id: z.coerce.number().int().positive() })

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:manage')
  return json({ categories: categoriesWithCounts() })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'admin:manage')
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'create') {
    const submission = parseForm(formData, { schema: createSchema })
    if (submission.status !== 'success')
      return json({ intent: 'create' as const, id: null, result: submission.reply() }, { status: 400 })
    orForbidden(() => addCategory(submission.value, user))
    return redirect('/admin/categories')
  }
  if (intent === 'update') {
    const submission = parseForm(formData, { schema: updateSchema })
    if (submission.status !== 'success') {
      return json(
        { intent: 'update' as const, id: Number(formData.get('id')) || null, result: submission.reply() },
        { status: 400 },
      )
    }
    const { id, ...input } = submission.value
    invariantResponse(categoryExists(id))
    orForbidden(() => editCategory(id, input, user))
    return redirect('/admin/categories')
  }
  const parsed = idSchema.safeParse(Object.fromEntries(formData))
  invariantResponse(parsed.success, 'bad_request', 400)
  const id = parsed.data.id
  invariantResponse(categoryExists(id))
  if (intent === 'up' || intent === 'down')
    orForbidden(() => moveCategoryBy(id, intent === 'up' ? -1 : 1, user))
  else if (intent === 'archive' || intent === 'restore')
    orForbidden(() => archiveCategory(id, intent === 'archive', user))
  else throw json({ message: 'bad_request' }, { status: 400 })
  return redirect('/admin/categories')
}

type Category = SerializeFrom<typeof loader>['categories'][number]

function CategoryNameForm({ category: c, errors }: { category: Category; errors: string[] | null }) {
  const { t } = useTranslation('stakeholders')
  return (
    <Form method="post" className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-end">
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="id" value={c.id} />
      <div className="flex-1">
        <label htmlFor={`cat-${c.id}`} className="label">
          {t('categoriesAdmin.name')}
          {c.key ? (
            <span className="ml-2 font-normal text-ink-muted">
              ({t('categoriesAdmin.builtIn')}: {categoryLabel(t, c)})
            </span>
          ) : null}
        </label>
        <input
          id={`cat-${c.id}`}
          name="name"
          defaultValue={c.name}
          className="input"
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `cat-${c.id}-error` : undefined}
        />
        <ErrorList id={`cat-${c.id}-error`} errors={errors} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isFundedProject" defaultChecked={c.isFundedProject} />
        {t('categoriesAdmin.fundedShort')}
      </label>
      <button type="submit" className="btn-secondary">
        {t('categoriesAdmin.rename')}
      </button>
    </Form>
  )
}

/** Move up, move down, archive or restore one category. */
function CategoryOrder({ category: c, index: i, last }: { category: Category; index: number; last: number }) {
  const { t } = useTranslation('stakeholders')
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-xs text-ink-muted">{t('categoriesAdmin.count', { count: c.count })}</span>
      {c.archivedAt ? <StatusBadge tone="neutral">{t('categoriesAdmin.archivedBadge')}</StatusBadge> : null}
      <Form method="post" className="flex gap-1">
        <input type="hidden" name="id" value={c.id} />
        <button
          type="submit"
          name="intent"
          value="up"
          className="btn-secondary px-2"
          disabled={i === 0}
          aria-label={`${t('categoriesAdmin.up')}: ${categoryLabel(t, c)}`}
        >
          ↑
        </button>
        <button
          type="submit"
          name="intent"
          value="down"
          className="btn-secondary px-2"
          disabled={i === last}
          aria-label={`${t('categoriesAdmin.down')}: ${categoryLabel(t, c)}`}
        >
          ↓
        </button>
        <button
          type="submit"
          name="intent"
          value={c.archivedAt ? 'restore' : 'archive'}
          className="btn-secondary"
        >
          {c.archivedAt ? t('categoriesAdmin.restore') : t('categoriesAdmin.archive')}
        </button>
      </Form>
    </div>
  )
}

function CategoryRow({
  category,
  index,
  last,
  errors,
}: {
  category: Category
  index: number
  last: number
  errors: string[] | null
}) {
  return (
    <li className="card flex flex-col gap-3 md:flex-row md:items-end">
      <CategoryNameForm category={category} errors={errors} />
      <CategoryOrder category={category} index={index} last={last} />
    </li>
  )
}

function AddCategory({ actionData }: { actionData?: { result: SubmissionResult<string[]> } }) {
  const { t } = useTranslation('stakeholders')
  const [form, fields] = useForm({
    id: 'create-category',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseForm(formData, { schema: createSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-3">
      <h2>{t('categoriesAdmin.add')}</h2>
      <input type="hidden" name="intent" value="create" />
      <Field
        label={t('categoriesAdmin.name')}
        {...getInputProps(fields.name, { type: 'text' })}
        errors={fields.name.errors}
      />
      <label className="flex items-center gap-2 text-sm">
        <input {...getInputProps(fields.isFundedProject, { type: 'checkbox' })} />
        {t('categoriesAdmin.funded')}
      </label>
      <button type="submit" className="btn-primary">
        {t('categoriesAdmin.add')}
      </button>
    </Form>
  )
}

export default function CategoriesAdmin() {
  const { t } = useTranslation('stakeholders')
  const { t: tc } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <p className="mb-2 text-sm">
          <Link to="/admin">← {tc('nav.admin')}</Link>
        </p>
        <h1>{t('categoriesAdmin.title')}</h1>
        <p className="mt-1 max-w-prose text-sm text-ink-muted">{t('categoriesAdmin.intro')}</p>
      </div>
      <ol className="space-y-2">
        {data.categories.map((c, i) => {
          const errors =
            actionData?.intent === 'update' && actionData.id === c.id
              ? (actionData.result.error?.name ?? null)
              : null
          return (
            <CategoryRow
              key={c.id}
              category={c}
              index={i}
              last={data.categories.length - 1}
              errors={errors}
            />
          )
        })}
      </ol>
      <AddCategory actionData={actionData?.intent === 'create' ? actionData : undefined} />
    </div>
  )
}
