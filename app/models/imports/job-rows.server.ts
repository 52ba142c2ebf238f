import { setImmediate as nextTurn } from 'node:timers/promises'

import { encodingChoiceOf } from './decode.server'
import type { ColumnMapping } from './fields'
import {
  type Cell,
  type FileFormat,
  type ParsedFile,
  parseUploadInTurns,
  type SourceRow,
} from './parse.server'
import { type ImportAdapter, type ImportOptions, type PlannedRow, rowPlanner } from './pipeline.server'

/**
 * An import job keeps its file parsed, not as uploaded: the upload is decoded and parsed once,
 * and the job's `content` holds the rows, one JSON array `[line, cells]` a line after a marker
 * line. The mapping page reads the first rows, the preview and the write read them all, in
 * slices with a turn of the event loop between them; none decodes or parses the file again.
 */
const marker = '#ripple-rows-1'

/** Rows read, or planned (each looks up the register), between two turns of the event loop. */
const SLICE = 2000
const PLAN_SLICE = 500

type StoredJob = { content: Buffer; fileName: string; headers: string[] | null; format: unknown }

/** The parsed rows as a job stores them (cells beyond the headers dropped). */
export async function encodeRows(file: ParsedFile): Promise<Buffer> {
  const width = file.headers.length
  const lines = [marker]
  for (let i = 0; i < file.rows.length; i++) {
    const row = file.rows[i]
    lines.push(
      JSON.stringify([row.line, row.values.length > width ? row.values.slice(0, width) : row.values]),
    )
    if (i % SLICE === SLICE - 1) await nextTurn()
  }
  return Buffer.from(lines.join('\n'))
}

/** Whether a job's content holds parsed rows (not a file stored before they were kept). */
export function isStored(content: Buffer) {
  return content.subarray(0, marker.length).toString() === marker
}

/** The job's file as parsed at upload (a job stored before parsed rows were kept is parsed now). */
export async function jobFile(job: StoredJob): Promise<ParsedFile> {
  if (!isStored(job.content))
    return parseUploadInTurns({
      buffer: job.content,
      fileName: job.fileName,
      encoding: encodingChoiceOf((job.format as FileFormat | null)?.encoding),
    })
  const text = job.content.toString()
  const rows: SourceRow[] = []
  let at = text.indexOf('\n')
  while (at >= 0) {
    const end = text.indexOf('\n', at + 1)
    const [line, values] = JSON.parse(text.slice(at + 1, end < 0 ? undefined : end)) as [number, Cell[]]
    rows.push({ line, values })
    if (rows.length % SLICE === 0) await nextTurn()
    at = end
  }
  return { format: job.format as FileFormat, headers: job.headers ?? [], rows }
}

/** The first rows of the job's file, for the mapping page. */
export async function jobSample(job: StoredJob, count: number): Promise<Cell[][]> {
  if (!isStored(job.content)) return (await jobFile(job)).rows.slice(0, count).map((r) => r.values)
  const sample: Cell[][] = []
  let at = job.content.indexOf('\n')
  while (at >= 0 && sample.length < count) {
    const end = job.content.indexOf('\n', at + 1)
    const line = job.content.subarray(at + 1, end < 0 ? undefined : end).toString()
    sample.push((JSON.parse(line) as [number, Cell[]])[1])
    at = end
  }
  return sample
}

/** The first pass of planRows (each row read, its problems found), in slices. */
export async function readRowsInTurns<C>(
  adapter: ImportAdapter<C>,
  file: ParsedFile,
  mapping: ColumnMapping,
): Promise<PlannedRow<C>[]> {
  const planner = rowPlanner(adapter, file, mapping)
  const planned: PlannedRow<C>[] = []
  for (const row of file.rows) {
    planned.push(planner.read(row))
    if (planned.length % SLICE === 0) await nextTurn()
  }
  return planned
}

/** planRows in slices, with a turn of the event loop between them. */
export async function planRowsInTurns<C>(
  adapter: ImportAdapter<C>,
  file: ParsedFile,
  mapping: ColumnMapping,
  options: ImportOptions,
): Promise<PlannedRow<C>[]> {
  const planned = await readRowsInTurns(adapter, file, mapping)
  const findDuplicate = rowPlanner(adapter, file, mapping, options).duplicates(planned)
  for (let i = 0; i < planned.length; i++) {
    findDuplicate(planned[i], i)
    if (i % PLAN_SLICE === PLAN_SLICE - 1) await nextTurn()
  }
  return planned
}
