import { type KeyboardEvent, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

const VALUES = [1, 2, 3, 4, 5] as const

/**
 * The small 1-5 picker a click or tap on a scoring cell opens (the keys 1-5 still work on the
 * focused cell). Buttons large enough for a finger, plus one to clear; Escape or a click outside
 * closes it and focus goes back to the cell.
 */
export function ScorePicker({
  label,
  value,
  onPick,
  onClose,
}: {
  label: string
  value: number | null
  onPick: (value: number | null) => void
  onClose: () => void
}) {
  const { t } = useTranslation('crm')
  const ref = useRef<HTMLDivElement>(null)
  // Opened once per cell: focus starts on the value it was opened with.
  const opened = useRef({ value, onClose })
  opened.current.onClose = onClose
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLButtonElement>(`[data-value="${opened.current.value ?? 1}"]`)
    first?.focus()
    const outside = (event: PointerEvent) => {
      const cell = ref.current?.parentElement
      if (cell && !cell.contains(event.target as Node)) opened.current.onClose()
    }
    document.addEventListener('pointerdown', outside)
    return () => document.removeEventListener('pointerdown', outside)
  }, [])
  const escape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    event.stopPropagation()
    onClose()
  }
  const button = 'h-10 min-w-10 rounded border px-2 text-base font-semibold tabular-nums'
  return (
    <div
      ref={ref}
      role="group"
      aria-label={label}
      data-testid="score-picker"
      className="absolute left-1/2 top-1/2 z-20 flex -translate-x-1/2 -translate-y-1/2 gap-1 rounded-md border border-slate-300 bg-white p-1 shadow-lg"
    >
      {VALUES.map((v) => (
        <button
          key={v}
          type="button"
          data-value={v}
          aria-pressed={value === v}
          className={`${button} ${value === v ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-ink hover:bg-brand-50'}`}
          onClick={(event) => {
            event.stopPropagation()
            onPick(v)
          }}
          onKeyDown={escape}
        >
          {v}
        </button>
      ))}
      <button
        type="button"
        data-value="clear"
        className={`${button} border-slate-300 bg-white text-ink-muted hover:bg-slate-100`}
        onClick={(event) => {
          event.stopPropagation()
          onPick(null)
        }}
        onKeyDown={escape}
      >
        <span aria-hidden>–</span>
        <span className="sr-only">{t('picker.clear')}</span>
      </button>
    </div>
  )
}
