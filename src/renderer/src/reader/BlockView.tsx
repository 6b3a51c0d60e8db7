/** One block of the reader, rendered as text: a paragraph, heading, list item, quote or footnote. */
import type { ReactNode } from 'react'
import type { LaidOutBlock, Segment } from './segments'

interface Props {
  block: LaidOutBlock
  selectedAnnotationId: string | null
  onSelectAnnotation(id: string): void
}

function SegmentView({
  segment,
  selectedAnnotationId,
  onSelectAnnotation,
}: Omit<Props, 'block'> & { segment: Segment }) {
  const top = segment.highlights[segment.highlights.length - 1]
  const linkProps = segment.href ? { className: 'link', title: `Link (not followed): ${segment.href}` } : {}
  if (!top) {
    return (
      <span data-start={segment.start} {...linkProps}>
        {segment.text}
      </span>
    )
  }
  const selected = segment.highlights.some((h) => h.id === selectedAnnotationId)
  return (
    <mark
      data-start={segment.start}
      data-annotations={segment.highlights.map((h) => h.id).join(' ')}
      className={`hl hl-${top.kind}${selected ? ' hl-selected' : ''}${segment.href ? ' link' : ''}`}
      title={segment.href ? `Link (not followed): ${segment.href}` : undefined}
      onClick={() => onSelectAnnotation(top.id)}
    >
      {segment.text}
    </mark>
  )
}

export function BlockView({ block, selectedAnnotationId, onSelectAnnotation }: Props) {
  const content: ReactNode = block.segments.map((segment) => (
    <SegmentView
      key={segment.start}
      segment={segment}
      selectedAnnotationId={selectedAnnotationId}
      onSelectAnnotation={onSelectAnnotation}
    />
  ))
  const common = { dir: 'auto' as const, 'data-block': block.type }
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, (block.level ?? 2) + 1)
      return (
        <div role="heading" aria-level={level} className={`block-heading level-${level}`} {...common}>
          {content}
        </div>
      )
    }
    case 'list-item':
      return (
        <div className={`block-list-item depth-${Math.min(block.level ?? 1, 6)}`} {...common}>
          {content}
        </div>
      )
    case 'blockquote':
      return (
        <blockquote className="block-quote" {...common}>
          {content}
        </blockquote>
      )
    case 'preformatted':
      return (
        <pre className="block-pre" {...common}>
          {content}
        </pre>
      )
    case 'footnote':
      return (
        <p className="block-footnote" {...common}>
          {content}
        </p>
      )
    default:
      return <p {...common}>{content}</p>
  }
}
