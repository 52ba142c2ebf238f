import { Link } from '@remix-run/react'
import {
  type KeyboardEvent,
  memo,
  type RefObject,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react'
import { useTranslation } from 'react-i18next'

import { categoryLabel } from '~/components/stakeholders'
import { type Thresholds, tierFor, weightedScore } from '~/models/priorities/scoring'

import { ScoreValue, TierBadge } from './badges'
import { ScorePicker } from './score-picker'
import {
  type GridCriterion,
  type GridRow,
  rowFormId,
  type SaveStatus,
  scoreField,
  type StatusStore,
  type Values,
} from './scoring-grid-model'

const digitKeys = new Set(['1', '2', '3', '4', '5'])

type RowProps = {
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
}

/**
 * The grid's keys on a row: arrows, Home/End and PageUp/PageDown move; Enter follows the name or
 * history link; digits 1-5 score the focused cell and Delete/Backspace clears it; Enter or Space
 * on a score cell opens the same 1-5 picker as a click or tap.
 */
function useRowKeyDown(
  { index, criteria, interactive, onActivate }: RowProps,
  setCell: (criterion: GridCriterion, value: number | null) => void,
  openPicker: (col: number) => void,
  links: { name: RefObject<HTMLAnchorElement>; history: RefObject<HTMLAnchorElement> },
) {
  return function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
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
      if (key === 'Enter') (col === 0 ? links.name : links.history).current?.click()
      return
    }
    const criterion = criteria[col - 1]
    if (!criterion) return
    if (key === 'Enter' || key === ' ') {
      event.preventDefault()
      openPicker(col)
      return
    }
    let value: number | null | undefined
    if (digitKeys.has(key)) value = Number(key)
    else if (key === 'Delete' || key === 'Backspace') value = null
    else return
    event.preventDefault()
    setCell(criterion, value)
  }
}

/** Scores one cell of the row (or clears it), saves the row and says so to screen readers. */
function useSetCell(
  { row, onSave, onAnnounce }: RowProps,
  values: Values,
  setValues: (values: Values) => void,
) {
  const { t } = useTranslation('priorities')
  return function setCell(criterion: GridCriterion, value: number | null) {
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
}

export const ScoreRow = memo(function ScoreRow(props: RowProps) {
  const { row, index, criteria, thresholds, activeCol, interactive, canScore, back, store, onActivate } =
    props
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
  const [picker, setPicker] = useState<number | null>(null)
  const setCell = useSetCell(props, values, setValues)
  const onKeyDown = useRowKeyDown(props, setCell, setPicker, { name: nameLink, history: historyLink })
  const closePicker = (col: number) => {
    setPicker(null)
    document.getElementById(`cell-${index}-${col}`)?.focus()
  }
  return (
    <tr
      onKeyDown={interactive ? onKeyDown : undefined}
      aria-rowindex={interactive ? index + 2 : undefined}
      data-stakeholder={row.id}
    >
      <NameCell {...{ row, index, activeCol, interactive, canScore, back, onActivate }} link={nameLink} />
      {criteria.map((c, i) =>
        interactive ? (
          <CriterionCell
            key={c.id}
            {...{ row, index, activeCol, onActivate }}
            criterion={c}
            col={i + 1}
            value={values[c.id] ?? null}
            picker={picker === i + 1}
            onOpenPicker={() => setPicker(i + 1)}
            onPick={(value) => {
              setCell(c, value)
              closePicker(i + 1)
            }}
            onClosePicker={() => closePicker(i + 1)}
          />
        ) : (
          <ReadOnlyCell key={c.id} value={values[c.id] ?? null} />
        ),
      )}
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
      <StatusCell
        {...{ row, index, activeCol, interactive, canScore, back, onActivate, status }}
        col={criteria.length + 1}
        link={historyLink}
      />
    </tr>
  )
})

type CellProps = Pick<RowProps, 'row' | 'index' | 'activeCol' | 'onActivate'>

/** The row header: the stakeholder's name (a link), category and owner; the no-JavaScript form. */
function NameCell({
  row,
  index,
  activeCol,
  interactive,
  canScore,
  back,
  onActivate,
  link,
}: CellProps & Pick<RowProps, 'interactive' | 'canScore' | 'back'> & { link: RefObject<HTMLAnchorElement> }) {
  const { t } = useTranslation('priorities')
  const formId = rowFormId(row.id)
  return (
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
      <Link ref={link} to={`/stakeholders/${row.id}`} tabIndex={interactive ? -1 : undefined}>
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
  )
}

/** A score cell of the interactive grid, with a select for browsers without JavaScript. */
function CriterionCell({
  row,
  index,
  activeCol,
  onActivate,
  criterion: c,
  col,
  value,
  picker,
  onOpenPicker,
  onPick,
  onClosePicker,
}: CellProps & {
  criterion: GridCriterion
  col: number
  value: number | null
  picker: boolean
  onOpenPicker: () => void
  onPick: (value: number | null) => void
  onClosePicker: () => void
}) {
  const { t } = useTranslation('priorities')
  const formId = rowFormId(row.id)
  const meta = row.meta[c.id]
  return (
    <td
      id={`cell-${index}-${col}`}
      role="gridcell"
      data-col={col}
      tabIndex={activeCol === col ? 0 : -1}
      onFocus={() => activeCol !== col && onActivate(index, col)}
      onClick={() => {
        onActivate(index, col)
        onOpenPicker()
      }}
      aria-haspopup="true"
      aria-expanded={picker}
      title={meta && meta.by ? t('score.givenBy', { by: meta.by, at: meta.at.slice(0, 10) }) : undefined}
      className={`relative cursor-pointer text-center tabular-nums focus:bg-brand-50 ${activeCol === col ? 'ring-2 ring-inset ring-brand-500' : ''}`}
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
      {picker ? (
        <ScorePicker
          label={t('score.selectLabel', { criterion: c.name, name: row.name })}
          value={value}
          onPick={onPick}
          onClose={onClosePicker}
        />
      ) : null}
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

function ReadOnlyCell({ value }: { value: number | null }) {
  const { t } = useTranslation('priorities')
  return (
    <td className="text-center tabular-nums">
      {value ?? <span className="text-ink-muted">{t('score.empty')}</span>}
    </td>
  )
}

/** The last column: the save status (or the no-JavaScript Save button) and the history link. */
function StatusCell({
  row,
  index,
  activeCol,
  interactive,
  canScore,
  back,
  onActivate,
  status,
  col,
  link,
}: CellProps &
  Pick<RowProps, 'interactive' | 'canScore' | 'back'> & {
    status: SaveStatus | undefined
    col: number
    link: RefObject<HTMLAnchorElement>
  }) {
  const { t } = useTranslation('priorities')
  return (
    <td
      className="whitespace-nowrap text-sm"
      id={interactive ? `cell-${index}-${col}` : undefined}
      data-col={interactive ? col : undefined}
      tabIndex={interactive ? (activeCol === col ? 0 : -1) : undefined}
      onFocus={interactive ? () => activeCol !== col && onActivate(index, col) : undefined}
    >
      {canScore ? (
        <noscript>
          <button type="submit" form={rowFormId(row.id)} className="btn-secondary px-2 py-1">
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
        ref={link}
        to={`${back}${back.includes('?') ? '&' : '?'}history=${row.id}#history`}
        className="text-xs"
        tabIndex={interactive ? -1 : undefined}
      >
        {t('score.history')}
      </Link>
    </td>
  )
}
