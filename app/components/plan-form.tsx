import { type FormMetadata, getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'

import { FormErrors } from '~/components/forms'
import { parseForm } from '~/utils/forms'

/**
 * The scaffold every small plan form shares (activity, event, group, material, target): one
 * conform form validated by the domain's zod schema as you type, posted with intent "save".
 */

/** What a plan form component receives from its route. */
export type PlanFormProps<Defaults = Record<string, string | undefined>> = {
  schema: z.ZodTypeAny
  lastResult?: SubmissionResult<string[]> | null
  defaultValue?: Defaults
  submitLabel: string
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fields are typed by the schema at runtime
type AnyValues = Record<string, any>

/** The conform form and its fields, checked in the browser with the same schema as the server. */
export function usePlanForm(
  id: string,
  { schema, lastResult, defaultValue }: Omit<PlanFormProps<unknown>, 'submitLabel'>,
) {
  return useForm<AnyValues>({
    id,
    lastResult,
    defaultValue: defaultValue as AnyValues | undefined,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
}

export type PlanFields = ReturnType<typeof usePlanForm>[1]

/** The form element: errors on top, the fields, and the submit button (disabled while sending). */
export function PlanFormShell({
  form,
  submitLabel,
  encType,
  children,
}: {
  form: FormMetadata<AnyValues, string[]>
  submitLabel: string
  encType?: 'multipart/form-data'
  children: ReactNode
}) {
  const navigation = useNavigation()
  return (
    <Form method="post" encType={encType} {...getFormProps(form)} className="card space-y-4">
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      {children}
      <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
        {submitLabel}
      </button>
    </Form>
  )
}
