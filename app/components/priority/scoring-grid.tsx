import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { Thresholds } from '~/models/priorities/scoring'

import { RowSaver } from './row-saver'
import { ScoreRow } from './score-row'
import { createStatusStore, type GridCriterion, type GridRow, type Values } from './scoring-grid-model'

export { type GridCriterion, type GridRow, rowFormId, scoreField } from './scoring-grid-model'

/**
 * The roving focus of the grid: the active cell (row, column), and `activate` that moves focus
 * to a cell, clamped to the grid.
 */
function useActiveCell(rowCount: number, lastCol: number) {
  const [active, setActive] = useState({ row: 0, col: 1 })
  const activate = useCallback(
    (row: number, col: number) => {
      const r = Math.max(0, Math.min(rowCount - 1, row))
      const c = Math.max(0, Math.min(lastCol - 1, col))
      setActive((prev) => (prev.row === r && prev.col === c ? prev : { row: r, col: c }))
      document.getElementById(`cell-${r}-${c}`)?.focus()
    },
    [rowCount, lastCol],
  )
  return { active, activate }
}

/** The rows being saved, each with its latest values and a sequence number per save. */
function useSaves() {
  const [store] = useState(createStatusStore)
  const [saves, setSaves] = useState<Map<number, { values: Values; seq: number }>>(() => new Map())
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
  return { store, saves, save }
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

/** The text of the grid's live region and a stable function to change it. */
function useAnnouncer() {
  const [announcement, setAnnouncement] = useState('')
  const announce = useCallback((text: string) => setAnnouncement(text), [])
  return [announcement, announce] as const
}

function GridHead({ criteria, canScore }: { criteria: GridCriterion[]; canScore: boolean }) {
  const { t } = useTranslation('priorities')
  return (
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
  )
}

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
  const hydrated = useHydrated()
  // Columns: 0 name, 1..n criteria, n+1 the history link.
  const rowCount = rows.length
  const { active, activate } = useActiveCell(rowCount, criteria.length + 2)
  const { store, saves, save } = useSaves()
  const [announcement, announce] = useAnnouncer()
  const rowsRef = useRef(rows)
  rowsRef.current = rows

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
          <GridHead criteria={criteria} canScore={canScore} />
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
