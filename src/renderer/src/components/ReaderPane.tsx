/**
 * The reader: the source's text as paragraphs of plain text (never HTML), with highlights. Select
 * words and press C (claim) or N (note), or use the buttons.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Anchor } from '../../../shared/anchoring'
import type { Annotation, AnnotationKind, Source } from '../../../shared/model'
import { layoutText, type Highlight } from '../reader/segments'
import { selectionOffsets } from '../reader/selection-offsets'

interface Props {
  source: Source
  text: string
  annotations: readonly Annotation[]
  anchors: ReadonlyMap<string, Anchor>
  selectedAnnotationId: string | null
  onSelectAnnotation(id: string): void
  onCreate(kind: AnnotationKind, range: { start: number; end: number }): void
  onEditSource(): void
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
    annotations,
    anchors,
    selectedAnnotationId,
    onSelectAnnotation,
    onCreate,
    onEditSource,
  } = props
  const textRef = useRef<HTMLDivElement>(null)
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
  const paragraphs = useMemo(() => layoutText(text, highlights), [text, highlights])

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
        <div className="selection-bar" role="toolbar" aria-label="Annotate selection">
          <button disabled={!range} onMouseDown={(e) => e.preventDefault()} onClick={() => create('claim')}>
            Claim <kbd>C</kbd>
          </button>
          <button disabled={!range} onMouseDown={(e) => e.preventDefault()} onClick={() => create('note')}>
            Note <kbd>N</kbd>
          </button>
          <span className="hint">
            {range
              ? `${range.end - range.start} characters selected`
              : 'Select words in the text to annotate them.'}
          </span>
        </div>
      </header>
      <div className="reader-text" ref={textRef}>
        {paragraphs.map((paragraph) => (
          <p key={paragraph.start} dir="auto">
            {paragraph.segments.map((segment) => {
              const top = segment.highlights[segment.highlights.length - 1]
              if (!top) {
                return (
                  <span key={segment.start} data-start={segment.start}>
                    {segment.text}
                  </span>
                )
              }
              return (
                <mark
                  key={segment.start}
                  data-start={segment.start}
                  data-annotations={segment.highlights.map((h) => h.id).join(' ')}
                  className={`hl hl-${top.kind}${segment.highlights.some((h) => h.id === selectedAnnotationId) ? ' hl-selected' : ''}`}
                  onClick={() => onSelectAnnotation(top.id)}
                >
                  {segment.text}
                </mark>
              )
            })}
          </p>
        ))}
      </div>
    </section>
  )
}
