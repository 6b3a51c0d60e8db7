/**
 * Footnote citations for composed briefs, rendered through CSL (Chicago full notes or APA) from the
 * style files bundled in resources/csl. The access date is always given: a saved copy of a web page
 * is only evidence together with when it was taken, even where the style would leave it out.
 */
import type { PhrasingContent } from 'mdast'
import type { CiteSource } from '../../../shared/brief'
import type { Source } from '../../../shared/model'
import { createCitationFormatter } from './format-citation'

function accessedPhrase(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? ''
    : `Accessed ${date.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })}.`
}

export function cslCiteSource(cslDir: string, style: 'chicago' | 'apa'): CiteSource {
  const formatter = createCitationFormatter(cslDir, style)
  return (source: Source, page: number | undefined): PhrasingContent[] => {
    const accessed = source.retrieved || source.imported
    const item = {
      id: source.id,
      // A prefilled title can be a sentence: its full stop would clash with the style's punctuation.
      title: source.title.replace(/\.+$/, ''),
      outlet: source.outlet,
      author: source.author,
      published: source.published,
      url: source.url,
      accessed,
      ...(page ? { page } : {}),
      type: source.url ? ('article-newspaper' as const) : ('document' as const),
    }
    // APA has no notes: its footnote is the reference-list entry, with the page as a pinpoint.
    const note =
      style === 'apa'
        ? `${formatter.bibliography([item])[0] ?? ''}${page ? ` (p. ${page})` : ''}`
        : formatter.note(item)
    const access = /accessed|retrieved/i.test(note) ? '' : accessedPhrase(accessed)
    return [
      {
        type: 'text',
        value: [note.replace(/\.$/, ''), access].filter(Boolean).join('. ').replace(/\.\.$/, '.'),
      },
    ]
  }
}
