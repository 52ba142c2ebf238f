/**
 * Numbers rounded for reading: counts are whole ("12,346 participants", not "12,346.3"), keeping
 * one decimal only below 10 where a fraction still means something (a monthly share of a target:
 * 2.5); percentages are whole from 10 % up and never round up to 100 % before it is reached.
 * The page and the CSV use the same rule, so a download holds the figures shown. Client-safe.
 */
export type NumberKind = 'count' | 'percent'

export function roundForReading(value: number, kind: NumberKind = 'count'): number {
  if (!Number.isFinite(value)) return value
  const abs = Math.abs(value)
  const oneDecimal = Math.round(value * 10) / 10
  if (abs < 10) return oneDecimal === 0 ? 0 : oneDecimal
  const whole = Math.round(value)
  if (kind === 'percent' && value < 100 && whole >= 100) return 99
  return whole
}
