import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Field errors arrive as i18n keys (e.g. "common:errors.required") from the zod schemas and are
 * translated here, next to their field.
 */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation()
  if (!errors?.length) return null
  return (
    <ul id={id} className="field-error" role="alert">
      {errors.map((e) => (
        <li key={e}>{t(e)}</li>
      ))}
    </ul>
  )
}

type FieldProps = {
  label: ReactNode
  hint?: ReactNode
  errors?: string[] | null
  className?: string
}

export function Field({
  label,
  hint,
  errors,
  className,
  inputClassName,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement> & { inputClassName?: string }) {
  const fallbackId = useId()
  const id = input.id ?? fallbackId
  const errorId = errors?.length ? `${id}-error` : undefined
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        {...input}
        id={id}
        className={inputClassName ?? 'input'}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      />
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

export function TextareaField({
  label,
  hint,
  errors,
  className,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const fallbackId = useId()
  const id = input.id ?? fallbackId
  const errorId = errors?.length ? `${id}-error` : undefined
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <textarea
        {...input}
        id={id}
        className="input min-h-[6rem]"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
      />
      {hint ? <p className="hint">{hint}</p> : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

export function SelectField({
  label,
  hint,
  errors,
  className,
  options,
  placeholder,
  ...select
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: { value: string | number; label: string }[]
    placeholder?: string
  }) {
  const fallbackId = useId()
  const id = select.id ?? fallbackId
  const errorId = errors?.length ? `${id}-error` : undefined
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select
        {...select}
        id={id}
        className="input"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? <p className="hint">{hint}</p> : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

/** Errors about the whole form (not one field), shown at its top. */
export function FormErrors({ errors }: { errors?: string[] | null }) {
  const { t } = useTranslation()
  if (!errors?.length) return null
  return (
    <div role="alert" className="mb-4 rounded-md border border-bad bg-bad-bg p-3 text-sm text-bad">
      {errors.map((e) => (
        <p key={e}>{t(e)}</p>
      ))}
    </div>
  )
}
