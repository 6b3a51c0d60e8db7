/**
 * The brief as a Word document (.docx), with real footnotes, heading styles and document properties,
 * so an analyst can keep editing it in Word and every claim still carries its citation.
 *
 * It renders the same Brief as the Markdown and HTML builders, in the same order and words: the
 * footnote text is citation.ts's phrasing followed by the exact quote. Like them, it assumes the
 * caller has run verifyQuotes (see export-brief.ts) before building.
 *
 * Purity: no Node or DOM API is used; the docx package zips in plain JavaScript and hands back a
 * Uint8Array. The bytes are not repeatable, though: docx stamps the package's creation time into
 * docProps/core.xml and the zip entries from the clock, which we cannot pass in.
 */
import type { ParagraphChild } from 'docx'
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import type { PhrasingContent } from 'mdast'
import type { Source } from '../model'
import type { Brief, BriefClaim } from './brief-model'
import { UNTITLED_NOTEBOOK } from './brief-tree'
import { citationPhrasing, sourceLabel } from './citation'
import { phrasingChildren, phrasingText, textRuns, urlChildren } from './docx-runs'

export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const CREATOR = 'Corroborate'
/** Hashes read better, and are easier to compare by eye, in a fixed-width face. */
const HASH_FONT = 'Consolas'

export async function buildDocxBrief(brief: Brief): Promise<Uint8Array> {
  const title = brief.notebookName || UNTITLED_NOTEBOOK
  // Footnote ids are 1..n in claim order, which collectBrief made the reading order; Word shows
  // them as 1, 2, 3 in the order their references appear in the body.
  const footnotes = Object.fromEntries(
    brief.claims.map((claim, index) => [String(index + 1), { children: [footnoteParagraph(claim)] }]),
  )
  const wordDocument = new Document({
    title,
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    description: summary(brief),
    footnotes,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns(title) }),
          new Paragraph({ children: textRuns(summary(brief)) }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: textRuns('Claims') }),
          ...(brief.claims.length
            ? brief.claims.map((claim, index) => claimParagraph(claim, index + 1))
            : [new Paragraph({ children: textRuns('This notebook has no claims yet.') })]),
          ...sourcesSection(brief.sources),
        ],
      },
    ],
  })
  return Packer.pack(wordDocument, 'uint8array')
}

/** The footnote's text as plain text: what Word shows in footnote n, without the number. */
export function docxCitationText(claim: BriefClaim): string {
  const citation = citationPhrasing(claim.source, claim.page)
  return phrasingText(citation) + quoteSuffix(citation, claim.quote)
}

/**
 * One list paragraph per claim: the analyst's comment (or, with none, the quote itself), the tags in
 * italics, then the footnote reference. A comment's own line breaks stay line breaks.
 */
function claimParagraph(claim: BriefClaim, footnoteId: number): Paragraph {
  const comment = claim.comment.trim()
  const children: ParagraphChild[] = textRuns(comment || `“${claim.quote}”`)
  if (claim.tags.length)
    children.push(new TextRun(' '), ...textRuns(`Tags: ${claim.tags.join(', ')}`, { italics: true }))
  children.push(new FootnoteReferenceRun(footnoteId))
  return new Paragraph({ bullet: { level: 0 }, children })
}

/**
 * The docx package leaves footnote paragraphs unstyled (Normal, full size), so they are given Word's
 * own Footnote Text style here.
 */
function footnoteParagraph(claim: BriefClaim): Paragraph {
  const citation = citationPhrasing(claim.source, claim.page)
  return new Paragraph({
    style: 'FootnoteText',
    children: [...phrasingChildren(citation), ...textRuns(quoteSuffix(citation, claim.quote))],
  })
}

/** As brief-tree.ts's withQuote: no doubled full stop after a citation that ends in "n.d.". */
function quoteSuffix(citation: readonly PhrasingContent[], quote: string): string {
  const last = citation[citation.length - 1]
  const endsWithStop = last?.type === 'text' && last.value.endsWith('.')
  return `${endsWithStop ? '' : '.'} Quote: “${quote}”`
}

/** Lets a reader check a quote later: the hash names the exact text each quote was verified against. */
function sourcesSection(sources: readonly Source[]): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: textRuns('Sources') }),
    new Paragraph({
      children: textRuns('Every quote was checked word for word against the stored text of its source.'),
    }),
    ...sources.map((source) => new Paragraph({ bullet: { level: 0 }, children: sourceChildren(source) })),
  ]
}

function sourceChildren(source: Source): ParagraphChild[] {
  const children: ParagraphChild[] = [
    ...textRuns(sourceLabel(source)),
    new TextRun({ text: 'Text SHA-256: ', break: 1 }),
    new TextRun({ text: source.textSha256, font: HASH_FONT }),
    new TextRun({ text: `Imported: ${source.imported}`, break: 1 }),
  ]
  if (source.url) children.push(new TextRun({ text: 'URL: ', break: 1 }), ...urlChildren(source.url))
  return children
}

function summary(brief: Brief): string {
  const claims = count(brief.claims.length, 'claim', 'claims')
  const sources = count(brief.sources.length, 'source', 'sources')
  return `Generated ${brief.generated}: ${claims} from ${sources}.`
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`
}
