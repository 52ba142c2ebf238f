/** Page parameters read from ?page= (1-based) with a fixed page size. */
export function pageFromUrl(url: URL, pageSize = 50) {
  const raw = Number(url.searchParams.get('page') ?? '1')
  const page = Number.isInteger(raw) && raw > 0 ? raw : 1
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize }
}

/** The same URL search with one parameter changed (or removed when value is empty). */
export function withParam(
  search: string | URLSearchParams,
  key: string,
  value: string | number | null | undefined,
) {
  const params = new URLSearchParams(search)
  if (value === null || value === undefined || value === '') params.delete(key)
  else params.set(key, String(value))
  if (key !== 'page') params.delete('page')
  const s = params.toString()
  return s ? `?${s}` : '?'
}
