/**
 * The notebook's data model: the single source of truth for what `notebook.json` holds.
 * Schemas are zod so that main can validate what it loads and what IPC sends; the
 * TypeScript types are inferred from them so the two can never drift apart.
 */
import { z } from 'zod'
import { ESTIMATIVE_TERMS } from './estimative'

export { ESTIMATIVE_TERMS } from './estimative'

export const SCHEMA_VERSION = 2

export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
})
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>

/** Offsets count UTF-16 code units, as JavaScript strings and the DOM do (see ARCHITECTURE.md). */
export const TextPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type TextPositionSelector = z.infer<typeof TextPositionSelector>

export const Target = z.object({
  quote: TextQuoteSelector,
  position: TextPositionSelector,
})
export type Target = z.infer<typeof Target>

export const AnnotationKind = z.enum(['claim', 'note'])
export type AnnotationKind = z.infer<typeof AnnotationKind>

export const Annotation = z.object({
  id: z.string(),
  sourceId: z.string(),
  kind: AnnotationKind,
  target: Target,
  comment: z.string(),
  tagIds: z.array(z.string()),
  created: z.string(),
  modified: z.string(),
})
export type Annotation = z.infer<typeof Annotation>

/** A code in the analyst's codebook. Tags nest (parentId) and carry a colour and a description. */
export const Tag = z.object({
  id: z.string(),
  name: z.string().min(1),
  parentId: z.string().nullable().optional(),
  /** CSS hex colour, e.g. #c0392b; absent or empty for the default. */
  color: z
    .string()
    .regex(/^(#[0-9a-fA-F]{6})?$/)
    .optional(),
  description: z.string().max(2000).optional(),
})
export type Tag = z.infer<typeof Tag>

/** What the analyst may edit about a source. Empty string means "unknown". */
export const SourceMetadata = z.object({
  title: z.string().max(1000),
  outlet: z.string().max(500),
  author: z.string().max(500),
  /** ISO date (YYYY-MM-DD) or empty. */
  published: z.union([z.literal(''), z.iso.date()]),
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
})
export type SourceMetadata = z.infer<typeof SourceMetadata>

/** NATO Admiralty code: source reliability A (completely reliable) to F (cannot be judged). */
export const Reliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F'])
export type Reliability = z.infer<typeof Reliability>

/** NATO Admiralty code: information credibility 1 (confirmed) to 6 (cannot be judged). */
export const Credibility = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
])
export type Credibility = z.infer<typeof Credibility>

export const SourceFormat = z.enum(['txt', 'md', 'paste', 'html', 'pdf', 'docx'])
export type SourceFormat = z.infer<typeof SourceFormat>

export const NearDuplicate = z.object({ sourceId: z.string(), similarity: z.number().min(0).max(1) })
export type NearDuplicate = z.infer<typeof NearDuplicate>

export const Source = SourceMetadata.extend({
  id: z.string(),
  /** UTC ISO timestamp of the import. */
  imported: z.string(),
  /** File name as imported, or empty for pasted text. */
  originalFileName: z.string(),
  format: SourceFormat,
  /** UTC time the URL was fetched (URL imports), or empty. */
  retrieved: z.string().default(''),
  /** PDF pages, or 0. */
  pages: z.number().int().nonnegative().default(0),
  /** Sources whose text is nearly the same, e.g. one wire story run by two outlets. */
  nearDuplicates: z.array(NearDuplicate).default([]),
  /** Admiralty reliability the analyst gave this source; null until graded (see defaultReliability). */
  reliability: Reliability.nullable().optional(),
  /** SHA-256 (hex) of the bytes as imported; names the file in `originals/`. */
  originalSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** SHA-256 (hex) of the UTF-8 text; names the file in `texts/`. */
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  textLength: z.number().int().nonnegative(),
})
export type Source = z.infer<typeof Source>

/**
 * The structure of an extracted document, laid over its flat text: each block is a range of the text
 * (blocks are joined by a single \n), so anchoring works on the plain string while the reader shows
 * headings, list items, quotes and PDF page numbers. Stored beside the text as
 * `structure/<textSha256>.json`; a text without one is read as one paragraph per line.
 */
export const BlockType = z.enum([
  'paragraph',
  'heading',
  'list-item',
  'blockquote',
  'preformatted',
  'footnote',
])
export type BlockType = z.infer<typeof BlockType>

export const Block = z.object({
  type: BlockType,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Heading level 1-6, or list nesting depth from 1. */
  level: z.number().int().min(1).max(6).optional(),
  /** 1-based PDF page the block starts on. */
  page: z.number().int().positive().optional(),
})
export type Block = z.infer<typeof Block>

/** A hyperlink in an imported article, kept as data: shown, never followed. */
export const Link = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  href: z.string().max(4096),
})
export type Link = z.infer<typeof Link>

export const TextDirection = z.enum(['ltr', 'rtl', 'auto'])
export type TextDirection = z.infer<typeof TextDirection>

export const DocumentStructure = z.object({
  blocks: z.array(Block),
  links: z.array(Link),
  lang: z.string().max(35),
  dir: TextDirection,
})
export type DocumentStructure = z.infer<typeof DocumentStructure>

export const Stance = z.enum(['supports', 'contradicts', 'mentions'])
export type Stance = z.infer<typeof Stance>

/** One source's word on a claim: the annotation quoting it, how it stands, and whom it credits. */
export const ClaimLink = z.object({
  annotationId: z.string(),
  stance: Stance,
  /** Who the source attributes the statement to, e.g. "John Kirby, White House"; empty if unattributed. */
  attributedTo: z.string().max(500).default(''),
})
export type ClaimLink = z.infer<typeof ClaimLink>

/** A statement the analyst words, with the evidence for and against it across sources. */
export const Claim = z.object({
  id: z.string(),
  statement: z.string().min(1).max(5000),
  links: z.array(ClaimLink),
  credibility: Credibility.nullable().default(null),
  tagIds: z.array(z.string()).default([]),
  created: z.string(),
  modified: z.string(),
})
export type Claim = z.infer<typeof Claim>

export const EstimativeTerm = z.enum(ESTIMATIVE_TERMS)
export type EstimativeTerm = z.infer<typeof EstimativeTerm>

/** One piece of a brief section: a claim (with the analyst's judgement), their own prose, or a quote. */
export const DraftItem = z.discriminatedUnion('type', [
  z.object({
    id: z.string(),
    type: z.literal('claim'),
    claimId: z.string(),
    estimate: EstimativeTerm.nullable(),
    /** Show the supporting and contradicting quotes under the claim. */
    showQuotes: z.boolean(),
  }),
  z.object({ id: z.string(), type: z.literal('prose'), text: z.string().max(100_000) }),
  z.object({ id: z.string(), type: z.literal('quote'), annotationId: z.string() }),
])
export type DraftItem = z.infer<typeof DraftItem>

/** A brief the analyst composes: title, bottom line up front, sections of claims, prose and quotes. */
export const BriefDraft = z.object({
  id: z.string(),
  title: z.string().max(500),
  bottomLine: z.string().max(20_000),
  /** How footnotes cite sources (CSL styles bundled in resources/csl). */
  citationStyle: z.enum(['chicago', 'apa']).default('chicago'),
  sections: z.array(z.object({ id: z.string(), heading: z.string().max(500), items: z.array(DraftItem) })),
  created: z.string(),
  modified: z.string(),
})
export type BriefDraft = z.infer<typeof BriefDraft>

export const NotebookMeta = z.object({
  id: z.string(),
  name: z.string(),
  created: z.string(),
})
export type NotebookMeta = z.infer<typeof NotebookMeta>

export const NotebookData = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  meta: NotebookMeta,
  sources: z.array(Source),
  annotations: z.array(Annotation),
  tags: z.array(Tag),
  claims: z.array(Claim).default([]),
  briefs: z.array(BriefDraft).default([]),
})
export type NotebookData = z.infer<typeof NotebookData>
