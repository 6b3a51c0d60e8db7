/**
 * Turns the positioned text runs of one PDF page into paragraphs in reading order. A PDF has no
 * paragraphs, only glyphs placed on a page, and its drawing order is often not its reading order
 * (headings drawn last, two columns interleaved), so the order here comes from geometry alone:
 * runs → lines (shared baseline) → columns (a clear vertical gutter) → paragraphs (gaps, indents).
 * A pure function of its input, so it can be tested without pdf.js.
 */

/** One text run as pdf.js reports it, with its matrix already in the page's display space. */
export interface TextRun {
  text: string
  /**
   * [a, b, c, d, e, f] in display space: origin at the top left, y growing downward, the page's
   * /Rotate already applied (pdf.js: `Util.transform(viewport.transform, item.transform)`).
   */
  transform: readonly number[]
  /** Advance along the baseline, in points. */
  width: number
  /** pdf.js's direction: 'ltr', 'rtl' or 'ttb'. */
  dir?: string
}

export interface LaidOutParagraph {
  text: string
  kind: 'paragraph' | 'heading'
  /** For headings: 1 for very large type, 2 otherwise. */
  level?: number
  /** The dominant font size, in points. */
  size: number
  /**
   * The paragraph visibly starts here (first line indented, or a heading), so it cannot be the
   * continuation of a paragraph cut by a column or page break.
   */
  fresh: boolean
}

interface Run {
  text: string
  x: number
  right: number
  /** Baseline, growing downward. */
  y: number
  size: number
  rtl: boolean
  /** Whitespace only: says "there is a space here" but carries no ink. */
  blank: boolean
}

interface Line {
  runs: Run[]
  x: number
  right: number
  y: number
  size: number
  text: string
}

/** Right angles are grouped exactly; other angles (diagonal watermarks) to the degree. */
function orientationOf(angle: number): number {
  const quarter = angle / (Math.PI / 2)
  const rounded = Math.round(quarter)
  if (Math.abs(quarter - rounded) < 0.06) return (((rounded % 4) + 4) % 4) * 90
  return Math.round((angle * 180) / Math.PI)
}

/**
 * Puts each run in the frame of its own orientation: rotated so its baseline runs left to right
 * and the next line lies below. A page whose content is drawn sideways (without /Rotate) then reads
 * like any other, and a sideways margin stamp is kept apart from the body it would cut through.
 */
function toFrames(items: readonly TextRun[]): Map<number, Run[]> {
  const frames = new Map<number, Run[]>()
  for (const item of items) {
    if (!item.text) continue
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform
    // A hostile file can place text at NaN or Infinity; such text has no place to be read from.
    if (![a, b, c, d, e, f].every(Number.isFinite)) continue
    const scale = Math.hypot(a, b)
    const size = Math.hypot(c, d) || scale
    if (!(size > 0)) continue
    const orientation = scale > 0 ? orientationOf(Math.atan2(b, a)) : 0
    const theta = (orientation * Math.PI) / 180
    const x = e * Math.cos(theta) + f * Math.sin(theta)
    const y = -e * Math.sin(theta) + f * Math.cos(theta)
    const width = Number.isFinite(item.width) && item.width > 0 ? item.width : 0
    const run: Run = {
      text: item.text,
      x,
      right: x + width,
      y,
      size,
      rtl: item.dir === 'rtl',
      blank: item.text.trim() === '',
    }
    const frame = frames.get(orientation)
    if (frame) frame.push(run)
    else frames.set(orientation, [run])
  }
  return frames
}

function inkChars(runs: readonly Run[]): number {
  let count = 0
  for (const run of runs) if (!run.blank) count += run.text.trim().length
  return count
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((p, q) => p - q)
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0
}

/** The font size most characters are set in: the median over characters, not lines. */
function typicalSize(lines: readonly Line[]): number {
  const sorted = [...lines].sort((p, q) => p.size - q.size)
  const half = sorted.reduce((sum, line) => sum + line.text.length, 0) / 2
  let seen = 0
  for (const line of sorted) {
    seen += line.text.length
    if (seen >= half) return line.size
  }
  return 0
}

function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((p, q) => p - q)
  return sorted[Math.floor((sorted.length - 1) * fraction)] ?? 0
}

/** Joins a line's runs left to right (right to left for RTL lines), spacing them by their gaps. */
function lineText(runs: readonly Run[]): string {
  let text = ''
  let previous: Run | null = null
  let spacePending = false
  for (const run of runs) {
    if (run.blank) {
      spacePending = true
      continue
    }
    if (previous) {
      // pdf.js emits a blank run where it saw a word space between runs; a gap of a quarter em
      // without one is a space too (justified text, or runs split by a font change). Kerned or
      // overlapping runs (a gap of ~0) are one word: "Barlas O˘" + "guz".
      const gap = previous.rtl && run.rtl ? previous.x - run.right : run.x - previous.right
      if (spacePending || gap > 0.25 * Math.max(previous.size, run.size)) text += ' '
    }
    text += run.text
    previous = run
    spacePending = false
  }
  return text.replace(/\s+/g, ' ').trim()
}

function makeLine(runs: Run[]): Line | null {
  const ink = runs.filter((run) => !run.blank)
  if (ink.length === 0) return null
  // The baseline and size are the main text's, not a superscript's: the run with the largest type.
  let main = ink[0]!
  for (const run of ink)
    if (run.size > main.size * 1.05 || (run.size >= main.size * 0.95 && run.text.length > main.text.length))
      main = run
  const rtlChars = ink.filter((run) => run.rtl).reduce((sum, run) => sum + run.text.length, 0)
  const rtl = rtlChars * 2 > inkChars(ink)
  const ordered = [...runs].sort((p, q) => (rtl ? q.right - p.right : p.x - q.x))
  const text = lineText(ordered)
  if (!text) return null
  return {
    runs: ordered,
    x: ink.reduce((min, run) => Math.min(min, run.x), Infinity),
    right: ink.reduce((max, run) => Math.max(max, run.right), -Infinity),
    y: main.y,
    size: main.size,
    text,
  }
}

/**
 * Groups runs that share a baseline. The tolerance is half the larger font size: superscripts and
 * footnote marks (raised by ~40% of the body size) join their line, the next line (≥ 100% away)
 * never does.
 */
function groupLines(runs: readonly Run[]): Line[] {
  const sorted = [...runs].sort((p, q) => p.y - q.y || p.x - q.x)
  const groups: Array<{ y: number; size: number; runs: Run[] }> = []
  for (const run of sorted) {
    let best: (typeof groups)[number] | null = null
    for (let i = groups.length - 1; i >= 0; i--) {
      const group = groups[i]!
      if (group.y < run.y - 3 * Math.max(group.size, run.size)) break
      const distance = Math.abs(group.y - run.y)
      if (distance <= 0.5 * Math.max(group.size, run.size) && (!best || distance < Math.abs(best.y - run.y)))
        best = group
    }
    if (!best) {
      groups.push({ y: run.y, size: run.size, runs: [run] })
      continue
    }
    best.runs.push(run)
    // Anchor the group on its largest type, so a leading superscript cannot drag it upward.
    if (!run.blank && run.size > best.size * 1.05) {
      best.y = run.y
      best.size = run.size
    }
  }
  const lines: Line[] = []
  for (const group of groups) {
    const line = makeLine(group.runs)
    if (line) lines.push(line)
  }
  return lines.sort((p, q) => p.y - q.y || p.x - q.x)
}

interface Gutter {
  left: number
  right: number
}

/**
 * Finds the vertical gutter of a two-column layout: an x-range that many lines have text on either
 * side of, and that almost no line crosses (a full-width title or header may). Ordinary word gaps
 * never line up down a page, so single-column text has no such strip. Where the text on both sides
 * is short (a table's labels and values) this is not a column layout, and rows are kept whole.
 */
function findGutter(lines: readonly Line[]): Gutter | null {
  if (lines.length < 6) return null
  const minX = Math.floor(lines.reduce((min, line) => Math.min(min, line.x), Infinity))
  const maxX = Math.ceil(lines.reduce((max, line) => Math.max(max, line.right), -Infinity))
  const size = median(lines.map((line) => line.size))
  const width = maxX - minX
  if (width < 12 * size || width > 20_000) return null
  // Per line: the union of its inked intervals, slightly inset so touching runs do not "cross".
  const bins = width + 1
  const cover = new Int32Array(bins)
  const starts = new Int32Array(bins + 1)
  const ends = new Int32Array(bins + 1)
  for (const line of lines) {
    // Mark this line's covered bins once, however many of its runs overlap there.
    const covered = new Uint8Array(bins)
    for (const run of line.runs) {
      if (run.blank) continue
      const from = Math.max(0, Math.ceil(run.x + 0.5) - minX)
      const to = Math.min(bins - 1, Math.floor(run.right - 0.5) - minX)
      for (let i = from; i <= to; i++) covered[i] = 1
    }
    for (let i = 0; i < bins; i++) if (covered[i]) cover[i] = cover[i]! + 1
    starts[Math.max(0, Math.floor(line.x) - minX)]! += 1
    ends[Math.min(bins, Math.ceil(line.right) - minX)]! += 1
  }
  // Lines with text starting left of bin i, and lines with text ending right of it.
  const startedBefore = new Int32Array(bins)
  const endedAfter = new Int32Array(bins)
  for (let i = 0, acc = 0; i < bins; i++) {
    startedBefore[i] = acc
    acc += starts[i]!
  }
  for (let i = bins - 1, acc = 0; i >= 0; i--) {
    acc += ends[i + 1]!
    endedAfter[i] = acc
  }
  const minWidth = Math.max(3, 0.4 * size)
  const from = Math.ceil(0.1 * width)
  const to = Math.floor(0.9 * width)
  let best: { gutter: Gutter; score: number; span: number } | null = null
  let runStart = -1
  let runScore = 0
  for (let i = from; i <= to + 1; i++) {
    let qualifies = false
    let both = 0
    if (i <= to) {
      // A line crossing the bin has text on both sides but is not "beside" the gutter.
      const crossing = cover[i]!
      both = Math.min(startedBefore[i]!, endedAfter[i]!) - crossing
      qualifies = both >= 4 && crossing * 4 <= both
    }
    if (qualifies) {
      if (runStart < 0) {
        runStart = i
        runScore = 0
      }
      runScore = Math.max(runScore, both)
      continue
    }
    if (runStart >= 0) {
      const span = i - runStart
      if (
        span >= minWidth &&
        (!best || runScore > best.score || (runScore === best.score && span > best.span))
      ) {
        best = { gutter: clearest(cover, runStart, i, minX), score: runScore, span }
      }
      runStart = -1
    }
  }
  if (!best) return null
  const middle = (best.gutter.left + best.gutter.right) / 2
  const leftChars: number[] = []
  const rightChars: number[] = []
  for (const line of lines) {
    if (crosses(line, best.gutter)) continue
    const l = inkChars(line.runs.filter((run) => run.x < middle))
    const r = inkChars(line.runs.filter((run) => run.x >= middle))
    if (l > 0) leftChars.push(l)
    if (r > 0) rightChars.push(r)
  }
  // Prose columns carry ~30+ characters a line; a table's label column far fewer.
  if (Math.max(median(leftChars), median(rightChars)) < 20) return null
  return best.gutter
}

/**
 * The emptiest stretch of a gutter's bins [from, to): a line beginning just inside the gutter
 * (a quotation mark hung into the margin) then sits beside it rather than across it.
 */
function clearest(cover: Int32Array, from: number, to: number, offset: number): Gutter {
  let least = Infinity
  for (let i = from; i < to; i++) least = Math.min(least, cover[i]!)
  let best = { left: from, right: from }
  for (let i = from; i < to;) {
    if (cover[i] !== least) {
      i++
      continue
    }
    let j = i
    while (j < to && cover[j] === least) j++
    if (j - i > best.right - best.left) best = { left: i, right: j }
    i = j
  }
  return { left: offset + best.left, right: offset + best.right }
}

/** Whether a line runs through the gutter's core (its middle half), as a full-width title does. */
function crosses(line: Line, gutter: Gutter): boolean {
  const quarter = (gutter.right - gutter.left) / 4
  return line.runs.some(
    (run) => !run.blank && run.x < gutter.right - quarter && run.right > gutter.left + quarter,
  )
}

/**
 * Orders a frame's text for reading: where a gutter splits the page, each stretch between
 * full-width lines (title, figure spanning both columns) is read left column first, then right.
 * Each column's runs are grouped into lines afresh, so a footnote mark is not claimed by the other
 * column's line at a nearer baseline, and searched again, so three columns read as one plus two.
 * Returns streams: runs of lines that read continuously, since a paragraph never spans two.
 */
function readingOrder(runs: readonly Run[], depth = 0): Line[][] {
  const lines = groupLines(runs)
  const gutter = depth < 3 ? findGutter(lines) : null
  if (!gutter) return lines.length > 0 ? [lines] : []
  const middle = (gutter.left + gutter.right) / 2
  const streams: Line[][] = []
  let left: Run[] = []
  let right: Run[] = []
  let full: Line[] = []
  const flushColumns = (): void => {
    streams.push(...readingOrder(left, depth + 1), ...readingOrder(right, depth + 1))
    left = []
    right = []
  }
  for (const line of lines) {
    if (crosses(line, gutter)) {
      if (left.length > 0 || right.length > 0) flushColumns()
      full.push(line)
      continue
    }
    if (full.length > 0) {
      streams.push(full)
      full = []
    }
    for (const run of line.runs) (run.x < middle ? left : right).push(run)
  }
  if (full.length > 0) streams.push(full)
  if (left.length > 0 || right.length > 0) flushColumns()
  return streams
}

const HYPHEN_AT_END = /\p{L}[-\u2010]$/u
const BULLET = /^(?:[•▪◦‣∙●○■□➢►✓*]|[-–—](?=\s)|\(?\d{1,2}[.)]\s+\p{Lu}|\(?[a-z][.)]\s)/u
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i
const SENTENCE_END = /[.!?:]["'”’)\]]*$/

/**
 * Joins two lines of one paragraph. A hyphen at the end of a line before a lowercase word is a
 * break inside that word ("exam-" + "ple"); before anything else it is a real hyphen ("Lucene-"
 * + "BM25"), kept without a space. A soft hyphen is always a break.
 */
export function joinLines(previous: string, next: string): string {
  if (!previous) return next
  if (!next) return previous
  if (previous.endsWith('\u00ad')) return previous.slice(0, -1) + next
  if (HYPHEN_AT_END.test(previous)) {
    return /^\p{Ll}/u.test(next) ? previous.slice(0, -1) + next : previous + next
  }
  return `${previous} ${next}`
}

interface Draft {
  lines: Line[]
  fresh: boolean
}

/**
 * A first line is indented against its neighbours: against both where it has both, since the last
 * line of an indented block quote is indented against the body line after it but not the one before.
 */
function isIndented(line: Line, previous: Line | undefined, next: Line | undefined): boolean {
  const em = line.size
  const againstPrevious = previous ? line.x > previous.x + 0.6 * em : null
  const againstNext = next ? line.x > next.x + 0.6 * em : null
  return againstPrevious !== false && againstNext !== false && (againstPrevious ?? againstNext) === true
}

/** Splits one stream's lines into paragraphs by vertical gaps, indents, bullets and type size. */
function paragraphsOf(lines: readonly Line[]): Draft[] {
  // The stream's ordinary line spacing: a low percentile of the gaps between same-size lines, so
  // that a memo whose paragraphs are all one line (blank line between) still shows its breaks.
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!]
    const gap = b.y - a.y
    if (Math.abs(a.size - b.size) <= 0.1 * Math.max(a.size, b.size) && gap >= 0.8 * b.size) gaps.push(gap)
  }
  const spacing = gaps.length > 0 ? percentile(gaps, 0.2) : 1.2 * typicalSize(lines)
  const fullWidth = percentile(
    lines.map((line) => line.right - line.x),
    0.9,
  )
  const drafts: Draft[] = []
  let current: Draft | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const previous = lines[i - 1]
    const indented = isIndented(line, previous, lines[i + 1])
    const breaks =
      !current ||
      !previous ||
      line.y - previous.y > 1.4 * spacing ||
      Math.abs(line.size - previous.size) > 0.12 * Math.max(line.size, previous.size) ||
      indented ||
      BULLET.test(line.text) ||
      // A short line ending a sentence ends its paragraph, where paragraphs have no gap or indent.
      (lines.length >= 3 && previous.right - previous.x < 0.7 * fullWidth && SENTENCE_END.test(previous.text))
    if (breaks || !current) {
      current = { lines: [line], fresh: indented }
      drafts.push(current)
    } else {
      current.lines.push(line)
    }
  }
  return drafts
}

function toParagraph(draft: Draft): LaidOutParagraph {
  let text = ''
  for (const line of draft.lines) text = joinLines(text, line.text)
  return { text, kind: 'paragraph', size: typicalSize(draft.lines), fresh: draft.fresh }
}

/**
 * Whether `next` carries on `previous` across a column or page break: both body text of one size,
 * `previous` stops mid-sentence (a lowercase letter, comma or hyphen) and `next` does not open with
 * an indent. Page numbers end in digits and running headers differ in size, so they never join.
 */
export function continuesParagraph(previous: LaidOutParagraph, next: LaidOutParagraph): boolean {
  return (
    previous.kind === 'paragraph' &&
    next.kind === 'paragraph' &&
    !next.fresh &&
    Math.abs(previous.size - next.size) <= 0.12 * Math.max(previous.size, next.size) &&
    /[\p{Ll},;\-\u00ad]$/u.test(previous.text)
  )
}

/**
 * Concatenates groups of paragraphs (a page's columns, or a document's pages), merging the first
 * paragraph of a group into the last one before it where it continues it. Only across a group
 * boundary: within a column a paragraph break is a paragraph break.
 */
export function joinGroups<T extends LaidOutParagraph>(groups: ReadonlyArray<readonly T[]>): T[] {
  const joined: T[] = []
  for (const group of groups) {
    const [first, ...rest] = group
    if (!first) continue
    const last = joined[joined.length - 1]
    if (last && continuesParagraph(last, first)) {
      joined[joined.length - 1] = { ...last, text: joinLines(last.text, first.text) }
    } else {
      joined.push(first)
    }
    joined.push(...rest)
  }
  return joined
}

/** Lays out one page: its paragraphs in reading order, headings marked by type size. */
export function layoutPage(items: readonly TextRun[]): LaidOutParagraph[] {
  const frames = [...toFrames(items).values()]
    .map((runs) => ({ runs, chars: inkChars(runs) }))
    .filter((frame) => frame.chars > 0)
    .sort((p, q) => q.chars - p.chars)
  if (frames.length === 0) return []
  const aside: Draft[][] = []
  for (const frame of frames.slice(1)) {
    for (const stream of readingOrder(frame.runs)) aside.push(paragraphsOf(stream))
  }
  const body = readingOrder(frames[0]!.runs).map(paragraphsOf)
  const bodySize = typicalSize(body.flat().flatMap((draft) => draft.lines))
  // Clearly larger type, and short: a heading. Body text set large is longer than three lines; a
  // sideways stamp in large type is not the page's heading.
  const classify = (draft: Draft): LaidOutParagraph => {
    const paragraph = toParagraph(draft)
    const ratio = bodySize > 0 ? paragraph.size / bodySize : 1
    if (
      ratio >= 1.12 &&
      draft.lines.length <= 3 &&
      paragraph.text.length <= 200 &&
      /\p{L}/u.test(paragraph.text)
    ) {
      return { ...paragraph, kind: 'heading', level: ratio >= 1.5 ? 1 : 2, fresh: true }
    }
    return paragraph
  }
  const paragraphs = joinGroups(body.map((stream) => stream.map(classify)))
  // A page number heading or closing the page is furniture, and would stand between a paragraph
  // and its continuation on the next page.
  if (paragraphs.length > 0 && PAGE_NUMBER.test(paragraphs[paragraphs.length - 1]!.text)) paragraphs.pop()
  if (paragraphs.length > 0 && PAGE_NUMBER.test(paragraphs[0]!.text)) paragraphs.shift()
  // Text at another angle than the body (a sideways arXiv stamp, a margin note) goes first, like a
  // page header: placed last it would sit between a paragraph and its continuation on the next page.
  return [...aside.flat().map(toParagraph), ...paragraphs]
}
