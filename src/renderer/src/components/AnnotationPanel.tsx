/**
 * The open source's annotations, in text order; orphans (quotes that no longer fit) last, never hidden.
 * Only the cards in view are drawn, plus the selected one (J/K and a click in the text select a card
 * and scroll it into view), the one just made and the one holding focus.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { Anchor } from '../../../shared/anchoring'
import type { Annotation, Tag } from '../../../shared/model'
import { errorMessage } from '../api'
import { useNotify } from '../notices'
import { useEdit } from '../edits'
import { useUndo } from '../undo'
import { AnnotationCard } from './AnnotationCard'
import { useVirtualList } from './use-virtual-list'

interface Props {
  annotations: readonly Annotation[]
  anchors: ReadonlyMap<string, Anchor>
  tags: readonly Tag[]
  selectedId: string | null
  justCreatedId: string | null
  onSelect(id: string): void
}

function position(anchor: Anchor | undefined): number {
  return anchor && anchor.status !== 'orphan' ? anchor.start : Number.MAX_SAFE_INTEGER
}

export function AnnotationPanel({ annotations, anchors, tags, selectedId, justCreatedId, onSelect }: Props) {
  const notify = useNotify()
  const edit = useEdit()
  const { undo } = useUndo()
  const tagName = useMemo(() => new Map(tags.map((t) => [t.id, t.name])), [tags])
  const allTags = useMemo(() => tags.map((t) => t.name).sort((a, b) => a.localeCompare(b)), [tags])
  const ordered = useMemo(
    () => [...annotations].sort((a, b) => position(anchors.get(a.id)) - position(anchors.get(b.id))),
    [annotations, anchors],
  )
  const indexOf = useMemo(() => new Map(ordered.map((a, i) => [a.id, i])), [ordered])
  const selectedIndex = selectedId ? (indexOf.get(selectedId) ?? -1) : -1
  const getItemKey = useCallback((index: number) => ordered[index]!.id, [ordered])
  const scrollRef = useRef<HTMLDivElement>(null)
  const { virtualizer, rows, listProps } = useVirtualList({
    scrollRef,
    count: ordered.length,
    estimateSize: 240,
    gap: 10,
    getItemKey,
    keep: [selectedIndex, justCreatedId ? indexOf.get(justCreatedId) : null],
  })
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex)
  }, [selectedIndex, virtualizer])

  const onDelete = async (annotation: Annotation) => {
    try {
      const label = `Delete ${annotation.kind} “${annotation.target.quote.exact.slice(0, 60)}”`
      await edit(label, 'annotations:delete', [annotation.id], (deleted) => ['annotations:restore', deleted])
      notify({ tone: 'info', text: `${label}.`, action: { label: 'Undo', run: () => void undo() } })
    } catch (error) {
      notify({ tone: 'error', text: `Could not delete: ${errorMessage(error)}` })
    }
  }

  return (
    <aside className="pane annotations" aria-label="Annotations">
      <h2 className="pane-title">Annotations ({annotations.length})</h2>
      {ordered.length === 0 ? (
        <p className="empty">
          No annotations on this source yet. Select words in the text (with the mouse, or Tab into the text
          and use Shift+arrows), then press <kbd>C</kbd> for a claim or <kbd>N</kbd> for a note.
        </p>
      ) : (
        <div className="virtual-scroller" ref={scrollRef}>
          <ul className="annotation-list virtual-list" aria-label="Annotations on this source" {...listProps}>
            {rows.map(({ key, index, ...row }) => {
              const annotation = ordered[index]!
              return (
                <AnnotationCard
                  key={key}
                  row={row}
                  annotation={annotation}
                  tagNames={annotation.tagIds.map((id) => tagName.get(id)).filter((n): n is string => !!n)}
                  allTags={allTags}
                  orphan={anchors.get(annotation.id)?.status === 'orphan'}
                  selected={annotation.id === selectedId}
                  autoFocus={annotation.id === justCreatedId}
                  onSelect={() => onSelect(annotation.id)}
                  onDelete={() => void onDelete(annotation)}
                />
              )
            })}
          </ul>
        </div>
      )}
    </aside>
  )
}
