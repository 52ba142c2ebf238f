import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { StatusBadge } from '~/components/list'

type Entry = {
  id: number
  key: string | null
  name: string
  sortOrder: number
  archivedAt: string | null
  labelKey: string | null
}
type LoaderData = { kind: 'types' | 'channels'; done: string | null; entries: Entry[] }
type ActionData = { intent: string; id: number | null; name: string; error: string }

/**
 * Add, rename, reorder and archive the entries of an administrator-editable list. Every control
 * is its own small form, so it all works without JavaScript and with the keyboard.
 */
export function ListEditor() {
  const { t } = useTranslation('actions')
  const { kind, done, entries } = useLoaderData<LoaderData>()
  const failed = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const title = kind === 'types' ? t('admin.typesTitle') : t('admin.channelsTitle')
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm">
        <Link to="/admin">{t('common:nav.admin')}</Link>
      </p>
      <div>
        <h1>{title}</h1>
        <p className="mt-1 text-sm text-ink-muted">
          {kind === 'types' ? t('admin.typesIntro') : t('admin.channelsIntro')}
        </p>
      </div>
      {done ? (
        <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 text-sm text-ok">
          {t(`admin.${done}`)}
        </p>
      ) : null}
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {entries.map((e, index) => (
          <EntryRow
            key={e.id}
            entry={e}
            index={index}
            last={index === entries.length - 1}
            busy={busy}
            error={failed && failed.intent === 'rename' && failed.id === e.id ? failed : null}
          />
        ))}
      </ol>
      <AddEntryForm failed={failed?.intent === 'add' ? failed : null} busy={busy} />
    </div>
  )
}

/** One entry: its name and state, rename, move up/down, archive/restore. */
function EntryRow({
  entry: e,
  index,
  last,
  busy,
  error,
}: {
  entry: Entry
  index: number
  last: boolean
  busy: boolean
  error: ActionData | null
}) {
  const { t } = useTranslation('actions')
  const inputId = `name-${e.id}`
  return (
    <li className={`space-y-2 p-3 ${e.archivedAt ? 'bg-slate-50' : ''}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="tabular-nums text-ink-muted">{index + 1}.</span>
        <span className="font-medium">{e.labelKey ? t(e.labelKey) : e.name}</span>
        {e.key ? <span className="text-xs text-ink-muted">{t('admin.builtIn', { key: e.key })}</span> : null}
        <StatusBadge tone={e.archivedAt ? 'neutral' : 'ok'}>
          {e.archivedAt ? t('admin.archived') : t('admin.active')}
        </StatusBadge>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <RenameForm entry={e} inputId={inputId} busy={busy} error={error} />
        <EntryMoveForm entry={e} first={index === 0} last={last} busy={busy} />
      </div>
      {error ? (
        <p id={`${inputId}-error`} className="field-error" role="alert">
          {t(error.error)}
        </p>
      ) : null}
    </li>
  )
}

function RenameForm({
  entry: e,
  inputId,
  busy,
  error,
}: {
  entry: Entry
  inputId: string
  busy: boolean
  error: ActionData | null
}) {
  const { t } = useTranslation('actions')
  return (
    <Form method="post" className="flex min-w-[14rem] flex-1 items-end gap-2">
      <input type="hidden" name="id" value={e.id} />
      <div className="flex-1">
        <label htmlFor={inputId} className="sr-only">
          {t('admin.name')}
        </label>
        <input
          id={inputId}
          name="name"
          defaultValue={error ? error.name : e.name}
          className="input"
          maxLength={100}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
        />
      </div>
      <button type="submit" name="intent" value="rename" className="btn-secondary" disabled={busy}>
        {t('admin.rename')}
      </button>
    </Form>
  )
}

/** Move up, move down, archive or restore. */
function EntryMoveForm({
  entry: e,
  first,
  last,
  busy,
}: {
  entry: Entry
  first: boolean
  last: boolean
  busy: boolean
}) {
  const { t } = useTranslation('actions')
  return (
    <Form method="post" className="flex gap-1">
      <input type="hidden" name="id" value={e.id} />
      <button
        type="submit"
        name="intent"
        value="up"
        className="btn-secondary px-3"
        disabled={busy || first}
        aria-label={`${t('admin.moveUp')}: ${e.name}`}
      >
        ↑
      </button>
      <button
        type="submit"
        name="intent"
        value="down"
        className="btn-secondary px-3"
        disabled={busy || last}
        aria-label={`${t('admin.moveDown')}: ${e.name}`}
      >
        ↓
      </button>
      <button
        type="submit"
        name="intent"
        value={e.archivedAt ? 'restore' : 'archive'}
        className={e.archivedAt ? 'btn-secondary' : 'btn-danger'}
        disabled={busy}
      >
        {e.archivedAt ? t('admin.restore') : t('admin.archive')}
      </button>
    </Form>
  )
}

function AddEntryForm({ failed, busy }: { failed: ActionData | null; busy: boolean }) {
  const { t } = useTranslation('actions')
  return (
    <Form method="post" className="card flex flex-wrap items-end gap-2">
      <div className="min-w-[14rem] flex-1">
        <label htmlFor="new-name" className="label">
          {t('admin.addLabel')}
        </label>
        <input
          id="new-name"
          name="name"
          className="input"
          maxLength={100}
          defaultValue={failed ? failed.name : ''}
          aria-invalid={failed ? true : undefined}
          aria-describedby={failed ? 'new-name-error' : undefined}
        />
        {failed ? (
          <p id="new-name-error" className="field-error" role="alert">
            {t(failed.error)}
          </p>
        ) : null}
      </div>
      <button type="submit" name="intent" value="add" className="btn-primary" disabled={busy}>
        {t('admin.add')}
      </button>
    </Form>
  )
}
