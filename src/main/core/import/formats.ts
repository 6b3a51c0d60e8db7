/** Which files can be imported, by extension. Light on purpose: main imports it at start-up. */
import { extname } from 'node:path'
import type { SourceFormat } from '../../../shared/model'

const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
}

export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS)

/** Parsed in a worker thread: their parsers are large, and hostile input must not stall main. */
export const HEAVY_FORMATS: ReadonlySet<SourceFormat> = new Set(['html', 'pdf', 'docx'])

export function formatOf(name: string): SourceFormat | null {
  return FORMATS[extname(name).toLowerCase()] ?? null
}
