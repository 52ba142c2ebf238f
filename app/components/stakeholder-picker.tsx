import { useFetcher } from '@remix-run/react'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

export type PickerOption = { id: number; name: string; city?: string | null; country?: string | null }

type Props = {
  /** Form field name of the chosen ids (repeated). */
  name: string
  label: string
  /** Ids chosen so far (from the last submission or the record). */
  selectedIds: string[]
  /** Names for the chosen ids and the suggestions offered before any search. */
  options: PickerOption[]
  /** Results of a search the server already ran (the no-JavaScript path). */
  results?: PickerOption[]
  query?: string
  /** The submit button's name/value that asks the server to search without JavaScript. */
  searchIntent?: { name: string; value: string }
  queryName?: string
}

function describe(o: PickerOption) {
  return [o.city, o.country].filter(Boolean).join(', ')
}

const searchUrl = (q: string) => `/api/stakeholders/search?q=${encodeURIComponent(q.trim())}`

/** What the picker knows: the chosen ids, the names seen so far, and the live search. */
function usePicker({ selectedIds, options, results, query }: Props) {
  const fetcher = useFetcher<{ results: PickerOption[] }>()
  const [hydrated, setHydrated] = useState(false)
  const [selected, setSelected] = useState<Set<string>>(() => new Set(selectedIds))
  const [known, setKnown] = useState<Map<number, PickerOption>>(
    () => new Map([...options, ...(results ?? [])].map((o) => [o.id, o])),
  )
  const [text, setText] = useState(query ?? '')
  const timer = useRef<ReturnType<typeof setTimeout>>()

  useEffect(() => setHydrated(true), [])
  // A new server render (e.g. after a submission) brings new choices and names.
  useEffect(() => {
    setSelected(new Set(selectedIds))
    setKnown((prev) => {
      const next = new Map(prev)
      for (const o of [...options, ...(results ?? [])]) next.set(o.id, o)
      return next
    })
  }, [selectedIds.join(','), options, results]) // eslint-disable-line react-hooks/exhaustive-deps

  const liveResults = useMemo(
    () => (hydrated && text.trim().length >= 2 ? (fetcher.data?.results ?? []) : (results ?? [])),
    [hydrated, text, fetcher.data, results],
  )
  useEffect(() => {
    if (!fetcher.data?.results) return
    setKnown((prev) => {
      const next = new Map(prev)
      for (const o of fetcher.data!.results) next.set(o.id, o)
      return next
    })
  }, [fetcher.data])

  function search(value: string) {
    setText(value)
    clearTimeout(timer.current)
    if (value.trim().length < 2) return
    timer.current = setTimeout(() => fetcher.load(searchUrl(value)), 200)
  }
  const searchNow = () => {
    if (text.trim()) fetcher.load(searchUrl(text))
  }

  // Chosen first, then suggestions, then search results; each stakeholder once.
  const list = useMemo(() => {
    const ids: number[] = []
    const push = (id: number) => {
      if (!ids.includes(id)) ids.push(id)
    }
    for (const id of selected) if (known.has(Number(id))) push(Number(id))
    for (const o of options) push(o.id)
    for (const o of liveResults) push(o.id)
    return ids.map((id) => known.get(id) ?? liveResults.find((o) => o.id === id)!).filter(Boolean)
  }, [selected, known, options, liveResults])

  const toggle = (id: string, checked: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev)
      if (checked) next.add(id)
      else next.delete(id)
      return next
    })

  return { fetcher, hydrated, selected, text, liveResults, list, search, searchNow, toggle }
}

type Picker = ReturnType<typeof usePicker>

/** The search box, and the button that searches on the server when there is no JavaScript. */
function PickerSearch({
  picker,
  queryName,
  searchIntent,
  statusId,
}: {
  picker: Picker
  queryName: string
  searchIntent?: Props['searchIntent']
  statusId: string
}) {
  const { t } = useTranslation('actions')
  const searchId = useId()
  return (
    <div className="flex gap-2">
      <label htmlFor={searchId} className="sr-only">
        {t('picker.search')}
      </label>
      <input
        id={searchId}
        name={queryName}
        type="search"
        className="input"
        value={picker.text}
        placeholder={t('picker.placeholder')}
        autoComplete="off"
        aria-describedby={statusId}
        onChange={(e) => picker.search(e.target.value)}
        onKeyDown={(e) => {
          // Enter in the search box searches; it must not submit the whole form.
          if (e.key === 'Enter') {
            e.preventDefault()
            picker.searchNow()
          }
        }}
      />
      {searchIntent ? (
        <button
          type="submit"
          name={searchIntent.name}
          value={searchIntent.value}
          formNoValidate
          className="btn-secondary shrink-0"
          onClick={(e) => {
            if (!picker.hydrated) return
            e.preventDefault()
            picker.searchNow()
          }}
        >
          {t('picker.searchButton')}
        </button>
      ) : null}
    </div>
  )
}

function PickerList({ picker, name }: { picker: Picker; name: string }) {
  const { t } = useTranslation('actions')
  if (!picker.list.length) return <p className="text-sm text-ink-muted">{t('picker.empty')}</p>
  return (
    <ul className="max-h-72 divide-y overflow-y-auto rounded-md border border-slate-200 bg-white">
      {picker.list.map((o) => {
        const value = String(o.id)
        const place = describe(o)
        return (
          <li key={o.id}>
            <label className="flex min-h-[2.75rem] cursor-pointer items-center gap-3 px-3 py-2 hover:bg-slate-50">
              <input
                type="checkbox"
                name={name}
                value={value}
                className="h-5 w-5 shrink-0"
                checked={picker.selected.has(value)}
                onChange={(e) => picker.toggle(value, e.target.checked)}
              />
              <span>
                {o.name}
                {place ? <span className="block text-xs text-ink-muted">{place}</span> : null}
              </span>
            </label>
          </li>
        )
      })}
    </ul>
  )
}

/**
 * Searchable multi-select for stakeholders. Without JavaScript it is a list of checkboxes plus a
 * search box whose button sends the form back with matching stakeholders added to the list
 * (nothing typed is lost). With JavaScript the search runs as you type against
 * /api/stakeholders/search and the results appear in place.
 */
export function StakeholderPicker(props: Props) {
  const { name, label, results, searchIntent, queryName = 'stakeholderQuery' } = props
  const { t } = useTranslation('actions')
  const picker = usePicker(props)
  const statusId = useId()
  const { fetcher, hydrated, text } = picker
  return (
    <fieldset className="space-y-2">
      <legend className="label">{label}</legend>
      <PickerSearch picker={picker} queryName={queryName} searchIntent={searchIntent} statusId={statusId} />
      <p id={statusId} className="hint" aria-live="polite">
        {fetcher.state === 'loading'
          ? t('picker.searching')
          : text.trim() && (hydrated ? fetcher.data : results)
            ? t('picker.found', { count: picker.liveResults.length })
            : t('picker.chosen', { count: picker.selected.size })}
      </p>
      <PickerList picker={picker} name={name} />
    </fieldset>
  )
}
