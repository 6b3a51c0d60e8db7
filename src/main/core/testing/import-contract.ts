/**
 * What every import must end in, whatever bytes came in: a document the notebook can store, or a
 * refusal a person can read. Each function returns the ways an answer breaks that promise (empty
 * when it keeps it), so a fuzzer can report the input and every problem at once.
 */
import { DocumentStructure, SourceFormat, SourceMetadata } from '../../../shared/model'
import type { Extraction } from '../import/extract-document'

/** A refusal names the file, says something, and carries no stack trace or internal dump. */
export function refusalProblems(code: string, message: string, fileName: string): string[] {
  const problems: string[] = []
  if (!/^[a-z]+(-[a-z]+)*$/.test(code)) problems.push(`code ${JSON.stringify(code)} is not a kebab-case code`)
  if (message.trim().length === 0) problems.push('the message is empty')
  if (!message.includes(fileName)) problems.push(`the message does not name ${fileName}`)
  if (/\n\s+at |\bat .+:\d+:\d+\)/.test(message)) problems.push('the message holds a stack trace')
  if (message.length > 1000) problems.push(`the message is ${message.length} characters long`)
  return problems
}

/** An extraction the importer can commit: text, blocks inside it, metadata a Source accepts. */
export function extractionProblems(extraction: Extraction): string[] {
  const problems: string[] = []
  const { text, structure, metadata } = extraction
  if (!SourceFormat.safeParse(extraction.format).success) problems.push(`format ${extraction.format}`)
  if (typeof text !== 'string' || text.trim().length === 0) problems.push('the text is empty')
  if (text.includes('\u0000')) problems.push('the text holds a NUL character')
  const meta = SourceMetadata.safeParse({
    title: metadata.title,
    outlet: metadata.siteName,
    author: metadata.byline,
    published: metadata.published,
    url: metadata.url,
  })
  if (!meta.success) problems.push(`metadata a Source would refuse: ${meta.error.issues[0]?.message}`)
  if (structure) {
    if (!DocumentStructure.safeParse(structure).success) problems.push('the structure does not validate')
    for (const range of [...structure.blocks, ...structure.links])
      if (range.start > range.end || range.end > text.length)
        problems.push(`a range ${range.start}-${range.end} outside the text (${text.length})`)
  }
  return problems
}
