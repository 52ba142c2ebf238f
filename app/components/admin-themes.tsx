import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { Field } from '~/components/forms'
import { StatusBadge } from '~/components/list'
import { themeAddSchema, themeRenameSchema } from '~/models/admin/schemas'
import { parseForm } from '~/utils/forms'

/** The project settings page's answer to a theme form (the failed submission, by intent). */
export type ThemeActionData = { intent: string; id?: number; result: SubmissionResult<string[]> }

type Theme = { id: number; name: string; archivedAt: string | null }

/** The project's themes: rename, archive or restore each, and add one. */
export function ThemesSection({ themes, actionData }: { themes: Theme[]; actionData?: ThemeActionData }) {
  const { t } = useTranslation('admin')
  return (
    <section id="themes" className="card" aria-labelledby="themes-heading">
      <h2 id="themes-heading" className="mb-1 text-lg font-semibold">
        {t('themes.title')}
      </h2>
      <p className="hint mb-4">{t('themes.intro')}</p>
      <ul className="divide-y divide-slate-200">
        {themes.map((theme) => (
          <ThemeRow
            key={theme.id}
            theme={theme}
            actionData={
              actionData?.intent === 'theme-rename' && actionData.id === theme.id ? actionData : undefined
            }
          />
        ))}
      </ul>
      <AddTheme actionData={actionData?.intent === 'theme-add' ? actionData : undefined} />
    </section>
  )
}

function ThemeRow({ theme, actionData }: { theme: Theme; actionData?: ThemeActionData }) {
  const { t } = useTranslation('admin')
  const [form, fields] = useForm({
    id: `theme-${theme.id}`,
    lastResult: actionData?.result,
    defaultValue: { name: theme.name },
    onValidate: ({ formData }) => parseForm(formData, { schema: themeRenameSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <li className="flex flex-wrap items-end gap-2 py-3">
      <Form method="post" {...getFormProps(form)} className="flex min-w-0 flex-1 flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="theme-rename" />
        <input type="hidden" name="id" value={theme.id} />
        <Field
          className="min-w-[12rem] flex-1"
          label={t('themes.nameOf', { name: theme.name })}
          {...getInputProps(fields.name, { type: 'text' })}
          errors={fields.name.errors}
        />
        <button type="submit" className="btn-secondary">
          {t('themes.rename')}
        </button>
      </Form>
      {theme.archivedAt ? <StatusBadge tone="neutral">{t('status.archived')}</StatusBadge> : null}
      <Form method="post">
        <input type="hidden" name="id" value={theme.id} />
        <button
          type="submit"
          name="intent"
          value={theme.archivedAt ? 'theme-restore' : 'theme-archive'}
          className="btn-secondary"
        >
          {theme.archivedAt ? t('common:actions.restore') : t('common:actions.archive')}
          <span className="sr-only"> {theme.name}</span>
        </button>
      </Form>
    </li>
  )
}

function AddTheme({ actionData }: { actionData?: ThemeActionData }) {
  const { t } = useTranslation('admin')
  const [form, fields] = useForm({
    id: 'theme-add',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseForm(formData, { schema: themeAddSchema }),
    shouldValidate: 'onBlur',
  })
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-200 pt-4"
    >
      <input type="hidden" name="intent" value="theme-add" />
      <Field
        className="min-w-[12rem] flex-1"
        label={t('themes.new')}
        {...getInputProps(fields.name, { type: 'text' })}
        errors={fields.name.errors}
      />
      <button type="submit" className="btn-primary">
        {t('themes.add')}
      </button>
    </Form>
  )
}
