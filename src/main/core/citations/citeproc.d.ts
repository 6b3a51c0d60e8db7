// citeproc-js ships no types. This declares only the part of its surface that format-citation.ts uses,
// so a call outside it is a type error rather than a guess.
declare module 'citeproc' {
  namespace CSL {
    /** The engine's only window on the world: it asks for locales and items, and never fetches. */
    interface Sys {
      retrieveLocale(lang: string): string | undefined
      retrieveItem(id: string): object | undefined
    }

    interface CitationItem {
      id: string
      locator?: string
      label?: string
    }

    /** Formatting parameters and the entries in the style's order, or false if the style has none. */
    type Bibliography = [{ entry_ids: string[][] }, string[]] | false

    class Engine {
      constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean)
      setOutputFormat(format: 'text' | 'html' | 'rtf'): void
      /** Replaces the item registry: disambiguation and the bibliography see exactly these ids. */
      updateItems(ids: string[]): void
      /** Renders one citation outside the document's citation history, so always as a first cite. */
      makeCitationCluster(items: CitationItem[]): string
      makeBibliography(): Bibliography
    }
  }

  export = CSL
}
