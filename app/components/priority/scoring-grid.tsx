import { Link, useFetcher } from '@remix-run/react'
import {
  type KeyboardEvent,
  memo,
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react'
import { useTranslation } from 'react-i18next'

import { categoryLabel } from '~/components/stakeholders'
import { type Thresholds, tierFor, weightedScore } from '~/models/scoring'

import { ScoreValue, TierBadge } from './badges'

export type GridCriterion = { id: number; name: string; weight: number }
export type GridRow = {
  id: number
  name: string
  categoryName: string | null
  categoryKey: string | null
  ownerName: string | null
  values: Record<number, number>
  meta: Record<number, { by: string | null; at: string; rationale: string | null }>
}
type Values = Record<number, number | null>
type SaveStatus = { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string }

/**
 * Save status per stakeholder, outside React state: each row subscribes to its own entry only, so
 * a save finishing re-renders that row and nothing else.
 */
function createStatusStore() {
  const status = new Map<number, SaveStatus>()
  const listeners = new Set<() => void>()
  return {
    get: (id: number) => status.get(id),
    set(id: number, s: SaveStatus) {
      status.set(id, s)
      for (const l of listeners) l()
    },
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
type StatusStore = ReturnType<typeof createStatusStore>

export const rowFormId = (stakeholderId: number) => `score-row-${stakeholderId}`
export const scoreField = (criterionId: number) => `c_${criterionId}`

/**
 * The scoring grid. Without JavaScript (and before hydration) every row is a form of selects with
 * a Save button. Hydrated, it is an ARIA grid with one tab stop (roving tabindex): arrows move,
 * digits 1-5 score the focused cell, Delete/Backspace clears it; each row saves as you go with a
 * fetcher POST of the whole row (so a later save always carries the earlier keystrokes too).
 */
export function ScoringGrid({
  rows,
  criteria,
  thresholds,
  canScore,
  back,
  label,
}: {
  rows: GridRow[]
  criteria: GridCriterion[]
  thresholds: Thresholds
  canScore: boolean
  back: string
  label: string
}) {
  const { t } = useTranslation('priorities')
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const [active, setActive] = useState({ row: 0, col: 1 })
  const [store] = useState(createStatusStore)
  const [saves, setSaves] = useState<Map<number, { values: Values; seq: number }>>(() => new Map())
  const [announcement, setAnnouncement] = useState('')
  // Columns: 0 name, 1..n criteria, n+1 the history link.
  const lastCol = criteria.length + 2
  const rowCount = rows.length
  const rowsRef = useRef(rows)
  rowsRef.current = rows

  const activate = useCallback(
    (row: number, col: number) => {
      const r = Math.max(0, Math.min(rowCount - 1, row))
      const c = Math.max(0, Math.min(lastCol - 1, col))
      setActive((prev) => (prev.row === r && prev.col === c ? prev : { row: r, col: c }))
      document.getElementById(`cell-${r}-${c}`)?.focus()
    },
    [rowCount, lastCol],
  )

  const save = useCallback(
    (stakeholderId: number, values: Values) => {
      store.set(stakeholderId, { state: 'saving' })
      setSaves((prev) => {
        const next = new Map(prev)
        next.set(stakeholderId, { values, seq: (prev.get(stakeholderId)?.seq ?? 0) + 1 })
        return next
      })
    },
    [store],
  )

  const announce = useCallback((text: string) => setAnnouncement(text), [])

  // The grid is rendered as a grid on the server too (no swap of 500 rows after hydration); the
  // no-JavaScript form controls sit in <noscript>, which browsers with scripting never parse.
  const interactive = canScore
  return (
    <>
      <div className="card relative overflow-x-auto p-0">
        <table
          className="table"
          role={interactive ? 'grid' : undefined}
          aria-label={label}
          aria-rowcount={interactive ? rowCount + 1 : undefined}
          data-hydrated={hydrated ? 'true' : 'false'}
          data-testid="scoring-grid"
        >
          <thead>
            <tr>
              <th scope="col">{t('columns.name')}</th>
              {criteria.map((c) => (
                <th key={c.id} scope="col" className="text-center">
                  {c.name}
                  <span className="block text-xs font-normal text-ink-muted">
                    {t('score.weight', { weight: c.weight })}
                  </span>
                </th>
              ))}
              <th scope="col" className="text-right">
                {t('columns.score')}
              </th>
              <th scope="col">{t('columns.tier')}</th>
              <th scope="col">{canScore ? t('score.status') : t('score.history')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <ScoreRow
                key={row.id}
                row={row}
                index={index}
                criteria={criteria}
                thresholds={thresholds}
                activeCol={active.row === index ? active.col : -1}
                interactive={interactive}
                canScore={canScore}
                back={back}
                store={store}
                onActivate={activate}
                onSave={save}
                onAnnounce={announce}
              />
            ))}
          </tbody>
        </table>
      </div>
      {interactive ? (
        <noscript>
          <style>{'.js-only{display:none}'}</style>
        </noscript>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {[...saves.entries()].map(([id, s]) => (
        <RowSaver
          key={id}
          stakeholderId={id}
          values={s.values}
          seq={s.seq}
          criteria={criteria}
          store={store}
          onAnnounce={announce}
          name={rowsRef.current.find((r) => r.id === id)?.name ?? ''}
        />
      ))}
    </>
  )
}

/** One fetcher per stakeholder being saved, rendered outside the rows so router updates only touch these. */
function RowSaver({
  stakeholderId,
  values,
  seq,
  criteria,
  store,
  onAnnounce,
  name,
}: {
  stakeholderId: number
  values: Values
  seq: number
  criteria: GridCriterion[]
  store: StatusStore
  onAnnounce: (s: string) => void
  name: string
}) {
  const { t } = useTranslation('priorities')
  const fetcher = useFetcher<{ ok: boolean; error?: string }>({ key: `score-save-${stakeholderId}` })
  // One save at a time per row, the latest values next: a fetcher that is resubmitted aborts its
  // request in the browser, but the server may still run it after the newer one.
  const submitted = useRef(0)
  const inFlight = useRef(false)
  const { state, data } = fetcher
  useEffect(() => {
    if (state !== 'idle') return
    if (inFlight.current) {
      inFlight.current = false
      if (submitted.current === seq && data) {
        if (data.ok) {
          store.set(stakeholderId, { state: 'saved' })
          onAnnounce(t('score.savedFor', { name }))
        } else {
          const message = t(`errors.${data.error ?? 'save'}`, { defaultValue: t('errors.save') })
          store.set(stakeholderId, { state: 'error', message })
          onAnnounce(t('score.notSavedFor', { name, message }))
        }
      }
    }
    if (submitted.current === seq) return
    submitted.current = seq
    inFlight.current = true
    const form = new FormData()
    form.set('intent', 'row')
    form.set('js', '1')
    // Scores change nothing the root loader sends (user, translations, inbox): skip reloading it.
    form.set('_rootUnchanged', '1')
    form.set('stakeholderId', String(stakeholderId))
    for (const c of criteria) form.set(scoreField(c.id), values[c.id] ? String(values[c.id]) : '')
    fetcher.submit(form, { method: 'post', action: '/priorities/score' })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq, state, data])
  return null
}

const digitKeys = new Set(['1', '2', '3', '4', '5'])

const ScoreRow = memo(function ScoreRow({
  row,
  index,
  criteria,
  thresholds,
  activeCol,
  interactive,
  canScore,
  back,
  store,
  onActivate,
  onSave,
  onAnnounce,
}: {
  row: GridRow
  index: number
  criteria: GridCriterion[]
  thresholds: Thresholds
  activeCol: number
  interactive: boolean
  canScore: boolean
  back: string
  store: StatusStore
  onActivate: (row: number, col: number) => void
  onSave: (stakeholderId: number, values: Values) => void
  onAnnounce: (s: string) => void
}) {
  const { t } = useTranslation('priorities')
  const [values, setValues] = useState<Values>(row.values)
  // Fresh data from the server (after a reload or another form) replaces what the row shows.
  useEffect(() => setValues(row.values), [row.values])
  const status = useSyncExternalStore(
    store.subscribe,
    () => store.get(row.id),
    () => undefined,
  )
  const score = weightedScore(criteria.map((c) => ({ weight: c.weight, value: values[c.id] })))
  const tier = score === null ? null : tierFor(score, thresholds)
  const nameLink = useRef<HTMLAnchorElement>(null)
  const historyLink = useRef<HTMLAnchorElement>(null)
  const historyCol = criteria.length + 1

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    const target = event.target as HTMLElement
    const col = Number(target.dataset.col)
    if (!interactive || Number.isNaN(col) || event.altKey || event.ctrlKey || event.metaKey) return
    const key = event.key
    const move: Record<string, [number, number]> = {
      ArrowUp: [index - 1, col],
      ArrowDown: [index + 1, col],
      ArrowLeft: [index, col - 1],
      ArrowRight: [index, col + 1],
      Home: [index, 0],
      End: [index, criteria.length],
      PageUp: [index - 10, col],
      PageDown: [index + 10, col],
    }
    if (move[key]) {
      event.preventDefault()
      onActivate(...move[key])
      return
    }
    if (col === 0 || col === criteria.length + 1) {
      if (key === 'Enter') (col === 0 ? nameLink : historyLink).current?.click()
      return
    }
    const criterion = criteria[col - 1]
    if (!criterion) return
    let value: number | null | undefined
    if (digitKeys.has(key)) value = Number(key)
    else if (key === 'Delete' || key === 'Backspace') value = null
    else return
    event.preventDefault()
    if ((values[criterion.id] ?? null) === value) return
    const next = { ...values, [criterion.id]: value }
    setValues(next)
    onSave(row.id, next)
    onAnnounce(
      value === null
        ? t('score.clearedCell', { criterion: criterion.name })
        : t('score.setCell', { criterion: criterion.name, value }),
    )
  }

  const formId = rowFormId(row.id)
  return (
    <tr
      onKeyDown={interactive ? onKeyDown : undefined}
      aria-rowindex={interactive ? index + 2 : undefined}
      data-stakeholder={row.id}
    >
      <th
        scope="row"
        className="font-normal"
        id={`cell-${index}-0`}
        data-col={interactive ? 0 : undefined}
        tabIndex={interactive ? (activeCol === 0 ? 0 : -1) : undefined}
        onFocus={interactive ? () => activeCol !== 0 && onActivate(index, 0) : undefined}
      >
        {canScore ? (
          <noscript>
            <form id={formId} method="post" action="/priorities/score" className="hidden">
              <input type="hidden" name="intent" value="row" />
              <input type="hidden" name="stakeholderId" value={row.id} />
              <input type="hidden" name="back" value={back} />
            </form>
          </noscript>
        ) : null}
        <Link ref={nameLink} to={`/stakeholders/${row.id}`} tabIndex={interactive ? -1 : undefined}>
          {row.name}
        </Link>
        <span className="block text-xs text-ink-muted">
          {[
            row.categoryName ? categoryLabel(t, { key: row.categoryKey, name: row.categoryName }) : null,
            row.ownerName,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </th>
      {criteria.map((c, i) => {
        const col = i + 1
        const value = values[c.id] ?? null
        const meta = row.meta[c.id]
        if (interactive) {
          return (
            <td
              key={c.id}
              id={`cell-${index}-${col}`}
              role="gridcell"
              data-col={col}
              tabIndex={activeCol === col ? 0 : -1}
              onFocus={() => activeCol !== col && onActivate(index, col)}
              onClick={() => onActivate(index, col)}
              title={
                meta && meta.by ? t('score.givenBy', { by: meta.by, at: meta.at.slice(0, 10) }) : undefined
              }
              className={`cursor-cell text-center tabular-nums focus:bg-brand-50 ${activeCol === col ? 'ring-2 ring-inset ring-brand-500' : ''}`}
            >
              <span className="js-only">
                {value ?? (
                  <>
                    <span aria-hidden className="text-ink-muted">
                      ·
                    </span>
                    <span className="sr-only">{t('score.empty')}</span>
                  </>
                )}
              </span>
              <noscript>
                <label className="sr-only" htmlFor={`${formId}-${c.id}`}>
                  {t('score.selectLabel', { criterion: c.name, name: row.name })}
                </label>
                <select
                  id={`${formId}-${c.id}`}
                  name={scoreField(c.id)}
                  form={formId}
                  defaultValue={value ?? ''}
                  className="input w-16 px-1 py-1"
                >
                  <option value="">–</option>
                  {[1, 2, 3, 4, 5].map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </noscript>
            </td>
          )
        }
        return (
          <td key={c.id} className="text-center tabular-nums">
            {value ?? <span className="text-ink-muted">{t('score.empty')}</span>}
          </td>
        )
      })}
      <td className="text-right">
        {/* The tier cell already says "Unscored"; say it once. */}
        {score === null ? (
          <span aria-hidden className="text-ink-muted">
            –
          </span>
        ) : (
          <ScoreValue score={score} />
        )}
      </td>
      <td>
        <TierBadge tier={tier} />
      </td>
      <td
        className="whitespace-nowrap text-sm"
        id={interactive ? `cell-${index}-${historyCol}` : undefined}
        data-col={interactive ? historyCol : undefined}
        tabIndex={interactive ? (activeCol === historyCol ? 0 : -1) : undefined}
        onFocus={interactive ? () => activeCol !== historyCol && onActivate(index, historyCol) : undefined}
      >
        {canScore ? (
          <noscript>
            <button type="submit" form={formId} className="btn-secondary px-2 py-1">
              {t('score.saveRow')}
            </button>
          </noscript>
        ) : null}
        {status?.state === 'saving' ? <span className="text-ink-muted">{t('score.saving')}</span> : null}
        {status?.state === 'saved' ? <span className="text-ok">{t('score.saved')}</span> : null}
        {status?.state === 'error' ? (
          <span className="text-bad" role="alert">
            {t('score.notSaved', { message: status.message })}
          </span>
        ) : null}{' '}
        <Link
          ref={historyLink}
          to={`${back}${back.includes('?') ? '&' : '?'}history=${row.id}#history`}
          className="text-xs"
          tabIndex={interactive ? -1 : undefined}
        >
          {t('score.history')}
        </Link>
      </td>
    </tr>
  )
})
