/**
 * The reader: the source's text as paragraphs of plain text (never HTML), with highlights. Select
 * words (with the mouse, or from the keyboard: Tab into the text, Shift+arrows) and press C (claim)
 * or N (note), or use the buttons.
 */
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Anchor } from '../../../shared/anchoring'
import type { Annotation, AnnotationKind, DocumentStructure, Source } from '../../../shared/model'
import { BlockView } from '../reader/BlockView'
import { layoutText, lineBlocks, type Highlight } from '../reader/segments'
import { rangeFromOffsets, selectionOffsets } from '../reader/selection-offsets'
import { ReaderCaret } from '../reader/ReaderCaret'
import { useKeyboardSelection } from '../reader/use-keyboard-selection'
import { useRovingFocus } from '../use-roving-focus'

interface Props {
  source: Source
  text: string
  structure: DocumentStructure | null
  annotations: readonly Annotation[]
  anchors: ReadonlyMap<string, Anchor>
  selectedAnnotationId: string | null
  onSelectAnnotation(id: string): void
  onCreate(kind: AnnotationKind, range: { start: number; end: number }): void
  onEditSource(): void
  /** A range to show (a search match): selected, so C or N can annotate it at once. */
  reveal: { start: number; end: number; nonce: number } | null
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  )
}

export function ReaderPane(props: Props) {
  const {
    source,
    text,
    structure,
    annotations,
    anchors,
    selectedAnnotationId,
    onSelectAnnotation,
    onCreate,
    onEditSource,
    reveal,
  } = props
  const textRef = useRef<HTMLDivElement>(null)
  const frameRef = useRef<HTMLDivElement>(null)
  const keyboardSelection = useKeyboardSelection(textRef)
  const selectionBarRef = useRef<HTMLDivElement>(null)
  const selectionBar = useRovingFocus(selectionBarRef)
  const [range, setRange] = useState<{ start: number; end: number } | null>(null)

  const highlights = useMemo<Highlight[]>(
    () =>
      annotations.flatMap((a) => {
        const anchor = anchors.get(a.id)
        return anchor && anchor.status !== 'orphan'
          ? [{ id: a.id, kind: a.kind, start: anchor.start, end: anchor.end }]
          : []
      }),
    [annotations, anchors],
  )
  const blocks = useMemo(
    () => layoutText(text, highlights, structure?.blocks ?? lineBlocks(text), structure?.links ?? []),
    [text, highlights, structure],
  )

  useEffect(() => {
    const update = () =>
      setRange(textRef.current ? selectionOffsets(document.getSelection(), textRef.current) : null)
    document.addEventListener('selectionchange', update)
    return () => document.removeEventListener('selectionchange', update)
  }, [])

  const create = useCallback(
    (kind: AnnotationKind) => {
      if (!range) return
      onCreate(kind, range)
      document.getSelection()?.removeAllRanges()
    },
    [range, onCreate],
  )

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!range || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return
      const key = event.key.toLowerCase()
      if (key === 'c' || key === 'n') {
        event.preventDefault()
        create(key === 'c' ? 'claim' : 'note')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [range, create])

  useEffect(() => {
    if (!reveal || !textRef.current) return
    const range = rangeFromOffsets(textRef.current, reveal.start, reveal.end)
    if (!range) return
    const selection = document.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' })
    // Focus follows, so C or N (or Shift+arrows to adjust) act on the match straight away.
    textRef.current.focus({ preventScroll: true })
  }, [reveal, blocks])

  useEffect(() => {
    if (!selectedAnnotationId) return
    const mark = textRef.current?.querySelector(`[data-annotations~="${CSS.escape(selectedAnnotationId)}"]`)
    mark?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }, [selectedAnnotationId])

  return (
    <section className="pane reader" aria-label="Reader">
      <header className="reader-head">
        <h1 className="reader-title">{source.title}</h1>
        <p className="reader-meta">
          {[source.outlet, source.author, source.published, source.url].filter(Boolean).join(' · ') ||
            'No outlet, author or date yet.'}{' '}
          <button className="link-button" onClick={onEditSource}>
            Edit details
          </button>
        </p>
        <div
          className="selection-bar"
          role="toolbar"
          aria-label="Annotate selection"
          ref={selectionBarRef}
          onFocus={selectionBar.onFocus}
          onKeyDown={selectionBar.onKeyDown}
        >
          <button disabled={!range} onMouseDown={(e) => e.preventDefault()} onClick={() => create('claim')}>
            Claim <kbd>C</kbd>
          </button>
          <button disabled={!range} onMouseDown={(e) => e.preventDefault()} onClick={() => create('note')}>
            Note <kbd>N</kbd>
          </button>
          <span className="hint" id="reader-hint">
            {range
              ? `${range.end - range.start} characters selected`
              : 'Select words in the text to annotate them (keyboard: Tab into the text, Shift+arrows).'}
          </span>
        </div>
      </header>
      <div className="reader-body" ref={frameRef}>
        <div
          className="reader-text"
          ref={textRef}
          lang={structure?.lang || undefined}
          dir={structure?.dir ?? 'auto'}
          data-direction={structure?.dir ?? 'auto'}
          // Focusable so the keyboard can select text (a caret-browsing path; see use-keyboard-selection).
          tabIndex={0}
          role="document"
          aria-label={`Text of ${source.title}`}
          aria-describedby="reader-hint"
          onFocus={keyboardSelection.onFocus}
          onKeyDown={keyboardSelection.onKeyDown}
        >
          {blocks.map((block, index) => (
            <Fragment key={block.start}>
              {block.page !== undefined && block.page !== blocks[index - 1]?.page && (
                <div className="page-marker" role="separator" aria-label={`Page ${block.page}`}>
                  p. {block.page}
                </div>
              )}
              <BlockView
                block={block}
                selectedAnnotationId={selectedAnnotationId}
                onSelectAnnotation={onSelectAnnotation}
              />
            </Fragment>
          ))}
        </div>
        <ReaderCaret text={textRef} frame={frameRef} />
      </div>
    </section>
  )
}
