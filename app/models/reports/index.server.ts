/**
 * The value report's public server entry: what a reporting period achieved, put in words in the
 * report's language, as a page, a Word document and Markdown; and the communications lead's
 * choices for the period. Client-safe schemas and policy live in ./schemas and ./policy.
 */
export { saveValueReport } from './commands.server'
export {
  type ReportBlock,
  type ReportDocument,
  type ReportSection,
  type ReportStory,
  type ReportTable,
  valueReportDocument,
} from './document.server'
export { valueReportDocx } from './docx.server'
export { valueReportMarkdown } from './markdown.server'
export * from './policy'
export {
  NEXT_SHOWN,
  reportableOutcomes,
  resolveReportPeriod,
  savedValueReport,
  type ValueReportData,
  valueReportData,
} from './queries.server'
export * from './schemas'
