/**
 * "Logging an action on a phone": the counts the browser test tests/e2e/quick-log.e2e.ts measures
 * (taps, fields, keystrokes) and writes to reports/quick-log-counts.json, as a BENCHMARKS.md
 * section. Shared by that test (which prints the table) and by `npm run bench` (which keeps it).
 */
import fs from 'node:fs'

export const QUICK_LOG_COUNTS = 'reports/quick-log-counts.json'

export type QuickLogCount = {
  /** What was logged, in words. */
  action: string
  /** Taps on the open form: a button, a field to type in, a select opened and an option chosen (2). */
  taps: number
  /** Form controls filled or chosen. */
  fields: number
  /** Keys typed in all: the title, the link and anything else. */
  keystrokes: number
  titleKeystrokes: number
  linkKeystrokes: number
  otherKeystrokes: number
  /** How far down the page the form ends, Save buttons included, with the type's fields shown (px). */
  formHeight: number
  savedType: string
  savedChannel: string
}

export type QuickLogReport = {
  date: string
  viewport: { width: number; height: number }
  goal: { maxTaps: number; maxFormHeight: number }
  logs: QuickLogCount[]
}

export function quickLogTable(report: QuickLogReport): string {
  const met = (l: QuickLogCount) =>
    l.taps <= report.goal.maxTaps && l.formHeight <= report.goal.maxFormHeight ? 'yes' : '**no**'
  return [
    `| action | taps | fields | keystrokes (title + link + other) | form height to Save | saved as | goal met |`,
    `|---|---|---|---|---|---|---|`,
    ...report.logs.map(
      (l) =>
        `| ${l.action} | ${l.taps} | ${l.fields} | ${l.keystrokes} (${l.titleKeystrokes} + ${l.linkKeystrokes} + ${l.otherKeystrokes}) | ${l.formHeight} px | ${l.savedType}, ${l.savedChannel} | ${met(l)} |`,
    ),
  ].join('\n')
}

/** The BENCHMARKS.md section, from the last browser run's counts (or how to get them). */
export function quickLogSection(file = QUICK_LOG_COUNTS): string {
  const intro = `## Logging an action on a phone

Counted, not timed, by a scripted browser run (\`npx vitest run -c vitest.e2e.config.ts tests/e2e/quick-log.e2e.ts\`,
which writes [${QUICK_LOG_COUNTS}](${QUICK_LOG_COUNTS})). Taps are counted on the open form (opening it from the menu is one more);
choosing from a select counts two taps (open, choose); tapping into a field to type counts one.`
  if (!fs.existsSync(file)) return `${intro}\n\nNo counts yet: run the browser test above.\n`
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as QuickLogReport
  return `${intro} Goal: ${report.goal.maxTaps} taps or fewer plus typing the title and the link (and, for a talk, the people in the room),
with the required part and Save within the first two screens (${report.goal.maxFormHeight} px) of a ${report.viewport.width} px phone.
Run of ${report.date.slice(0, 10)}, viewport ${report.viewport.width} × ${report.viewport.height} px.

${quickLogTable(report)}
`
}
