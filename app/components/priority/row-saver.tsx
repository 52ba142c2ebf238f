import { useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import { type GridCriterion, scoreField, type StatusStore, type Values } from './scoring-grid-model'

/** One fetcher per stakeholder being saved, rendered outside the rows so router updates only touch these. */
export function RowSaver({
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
