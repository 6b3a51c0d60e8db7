/** One annotation in the side panel: its quote, kind, comment (saved as you type) and tags. */
import { useEffect, useRef, useState } from 'react'
import { useDebouncedCallback } from 'use-debounce'
import type { Annotation } from '../../../shared/model'
import { errorMessage } from '../api'
import { useNotify } from '../notices'
import { useEdit } from '../edits'
import type { AnnotationPatch } from '../../../shared/ipc/payloads'
import { ClaimLinker } from './ClaimLinker'
import { TagInput } from './TagInput'
import type { VirtualRow } from './use-virtual-list'

interface Props {
  /** Where the virtualized panel draws this card (its place and size in the list). */
  row?: Omit<VirtualRow, 'key' | 'index'>
  annotation: Annotation
  tagNames: string[]
  allTags: string[]
  orphan: boolean
  selected: boolean
  autoFocus: boolean
  onSelect(): void
  onDelete(): void
}

type SaveState = 'saved' | 'editing' | 'saving' | 'failed'

export function AnnotationCard({
  row,
  annotation,
  tagNames,
  allTags,
  orphan,
  selected,
  autoFocus,
  onSelect,
  onDelete,
}: Props) {
  const notify = useNotify()
  const edit = useEdit()
  const [comment, setComment] = useState(annotation.comment)
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const commentRef = useRef<HTMLTextAreaElement>(null)

  const save = async (patch: AnnotationPatch) => {
    setSaveState('saving')
    // What the patched fields were before, so the edit can be undone field for field.
    const before: AnnotationPatch = {}
    if (patch.kind !== undefined) before.kind = annotation.kind
    if (patch.comment !== undefined) before.comment = annotation.comment
    if (patch.tags !== undefined) before.tags = tagNames
    const label =
      patch.comment !== undefined ? 'Edit comment' : patch.tags !== undefined ? 'Change tags' : 'Change kind'
    try {
      await edit(label, 'annotations:update', [annotation.id, patch], () => [
        'annotations:update',
        annotation.id,
        before,
      ])
      setSaveState('saved')
    } catch (error) {
      setSaveState('failed')
      notify({ tone: 'error', text: `Could not save the annotation: ${errorMessage(error)}` })
    }
  }
  const saveComment = useDebouncedCallback((value: string) => void save({ comment: value }), 400)

  useEffect(() => () => void saveComment.flush(), [saveComment])
  useEffect(() => {
    if (autoFocus) commentRef.current?.focus()
  }, [autoFocus])

  return (
    <li
      {...row}
      className={`annotation-card kind-${annotation.kind}${selected ? ' selected' : ''}${orphan ? ' orphan' : ''}`}
      data-annotation-id={annotation.id}
      aria-label={`${annotation.kind}: ${annotation.target.quote.exact}`}
    >
      <div className="card-head">
        <span className={`badge badge-${annotation.kind}`}>
          {annotation.kind === 'claim' ? 'Claim' : 'Note'}
        </span>
        {orphan && (
          <span className="badge badge-orphan" title="This quote no longer fits the source text">
            Orphan
          </span>
        )}
        <span className={`save-state save-${saveState}`} aria-live="polite">
          {saveState === 'saved' ? 'Saved' : saveState === 'failed' ? 'Not saved' : 'Saving…'}
        </span>
      </div>
      <button className="quote" onClick={onSelect} title="Show in the text">
        “{annotation.target.quote.exact}”
      </button>
      <label className="field">
        <span>Comment</span>
        <textarea
          ref={commentRef}
          value={comment}
          rows={3}
          placeholder={annotation.kind === 'claim' ? 'Word the claim in your own terms…' : 'Your note…'}
          onChange={(event) => {
            setComment(event.target.value)
            setSaveState('editing')
            saveComment(event.target.value)
          }}
          onBlur={() => saveComment.flush()}
        />
      </label>
      <TagInput
        label="Add tag"
        tags={tagNames}
        suggestions={allTags}
        onChange={(tags) => void save({ tags })}
      />
      <ClaimLinker annotation={annotation} />
      <div className="card-actions">
        <button onClick={() => void save({ kind: annotation.kind === 'claim' ? 'note' : 'claim' })}>
          Make {annotation.kind === 'claim' ? 'note' : 'claim'}
        </button>
        <button className="danger" onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  )
}
