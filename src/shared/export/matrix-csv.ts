/**
 * The claims x sources matrix as CSV, for a spreadsheet: a row per claim, a column per source that
 * speaks to any claim, and in each cell the source's stance and its words. RFC 4180 (CRLF, quotes
 * doubled, fields with a comma, quote or line break quoted), with a UTF-8 byte order mark because
 * Excel otherwise reads the file in the system's legacy code page and garbles “curly” quotes,
 * dashes and every non-Latin name.
 */
import type { NotebookData, Source } from '../model'
import { UNTITLED_SOURCE } from '../brief/citation'
import { buildMatrix, cellKey } from '../claims/matrix'
import type { MatrixQuote } from '../claims/matrix'

const BOM = '\uFEFF'
const CRLF = '\r\n'

/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection): an imported
 * article's sentence such as `=HYPERLINK("http://evil", "Click")` or `@SUM(...)` would become live in
 * the analyst's spreadsheet. Tab and CR are on OWASP's list because some spreadsheets skip them and
 * read the formula after. A leading apostrophe makes the spreadsheet show the cell as text; the cost
 * is a visible apostrophe in the rare cell (say "-3 soldiers") that meant no formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + CRLF
}

function sourceLabel(source: Source): string {
  const title = source.title || UNTITLED_SOURCE
  return source.outlet ? `${source.outlet} — ${title}` : title
}

function quoteText(quote: MatrixQuote): string {
  const per = quote.attributedTo ? ` (per ${quote.attributedTo})` : ''
  return `${quote.stance}: “${quote.quote}”${per}`
}

export function buildMatrixCsv(notebook: Pick<NotebookData, 'claims' | 'annotations' | 'sources'>): string {
  const matrix = buildMatrix(notebook)
  const header = ['Claim', 'Credibility', ...matrix.sources.map(sourceLabel)]
  const rows = matrix.claims.map((claim) => [
    claim.statement,
    claim.credibility === null ? '' : String(claim.credibility),
    ...matrix.sources.map((source) =>
      (matrix.cells.get(cellKey(claim.id, source.id)) ?? []).map(quoteText).join(' | '),
    ),
  ])
  return BOM + [header, ...rows].map(csvRecord).join('')
}
