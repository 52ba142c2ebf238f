/** The scoring grid's shared shapes: its rows and columns, the save status store, the field names. */
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
export type Values = Record<number, number | null>
export type SaveStatus = { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string }

/**
 * Save status per stakeholder, outside React state: each row subscribes to its own entry only, so
 * a save finishing re-renders that row and nothing else.
 */
export function createStatusStore() {
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
export type StatusStore = ReturnType<typeof createStatusStore>

export const rowFormId = (stakeholderId: number) => `score-row-${stakeholderId}`
export const scoreField = (criterionId: number) => `c_${criterionId}`
