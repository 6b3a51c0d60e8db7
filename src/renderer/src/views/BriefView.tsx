/**
 * The brief composer: several briefs per notebook, each a title, a bottom line up front and sections
 * of claims (with an ICD-203 judgement), prose and quotes; reorder by drag or Alt+↑/↓; a live preview;
 * export verified to Markdown, HTML or PDF.
 */
import { useEffect, useState } from 'react'
import { useDebouncedCallback } from 'use-debounce'
import type { NotebookSnapshot } from '../../../main/api/snapshot'
import { ESTIMATIVE_TERMS } from '../../../shared/estimative'
import type { BriefDraft, DraftItem, EstimativeTerm } from '../../../shared/model'
import { useEdit } from '../edits'
import { useGuard } from '../notices'
import { BriefPreview } from './BriefPreview'
import { QuotePicker } from './QuotePicker'
import {
  addItem,
  addSection,
  moveItem,
  newDraft,
  removeItem,
  removeSection,
  updateItem,
  updateSection,
} from './draft-edits'

interface Props {
  notebook: NotebookSnapshot
  onExport(briefId: string, format: 'markdown' | 'html' | 'docx' | 'pdf'): void
}

export function BriefView({ notebook, onExport }: Props) {
  const edit = useEdit()
  const guard = useGuard()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = notebook.briefs.find((b) => b.id === selectedId) ?? notebook.briefs[0] ?? null

  const create = () => {
    const draft = newDraft(`Brief ${notebook.briefs.length + 1}`)
    guard(
      edit('Create brief', 'briefs:save', [draft], () => ['briefs:delete', draft.id]).then(() =>
        setSelectedId(draft.id),
      ),
    )
  }

  return (
    <div className="brief-view">
      <nav className="pane brief-list" aria-label="Briefs">
        <h2 className="pane-title">Briefs ({notebook.briefs.length})</h2>
        <button onClick={create}>New brief</button>
        <ul aria-label="Briefs">
          {notebook.briefs.map((brief) => (
            <li key={brief.id}>
              <button
                className={`claim-item${brief.id === selected?.id ? ' selected' : ''}`}
                aria-current={brief.id === selected?.id ? 'true' : undefined}
                onClick={() => setSelectedId(brief.id)}
              >
                {brief.title || 'Untitled brief'}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {selected ? (
        <DraftEditor key={selected.id} notebook={notebook} saved={selected} onExport={onExport} />
      ) : (
        <section className="pane" aria-label="Brief editor">
          <p className="empty">
            No brief yet. Press <strong>New brief</strong>, then add the claims you have built (from the
            Claims view), your own prose and quotes; the preview shows what the export will say.
          </p>
        </section>
      )}
    </div>
  )
}

function DraftEditor({
  notebook,
  saved,
  onExport,
}: {
  notebook: NotebookSnapshot
  saved: BriefDraft
  onExport: Props['onExport']
}) {
  const edit = useEdit()
  const guard = useGuard()
  const [draft, setDraft] = useState(saved)
  const [lastSaved, setLastSaved] = useState(saved)
  const [dragging, setDragging] = useState<string | null>(null)
  const save = useDebouncedCallback((next: BriefDraft, previous: BriefDraft) => {
    setLastSaved(next)
    guard(edit('Edit brief', 'briefs:save', [next], () => ['briefs:save', previous]))
  }, 500)
  useEffect(() => () => void save.flush(), [save])
  const change = (next: BriefDraft) => {
    setDraft(next)
    save(next, lastSaved)
  }

  const label = (item: DraftItem): string => {
    if (item.type === 'prose') return 'Prose'
    if (item.type === 'quote')
      return `Quote: “${notebook.annotations.find((a) => a.id === item.annotationId)?.target.quote.exact ?? '(removed)'}”`
    return `Claim: ${notebook.claims.find((c) => c.id === item.claimId)?.statement ?? '(removed)'}`
  }

  return (
    <section className="pane brief-editor" aria-label="Brief editor">
      <div className="brief-actions">
        <span className="group-label">Export:</span>
        {(['markdown', 'html', 'docx', 'pdf'] as const).map((format) => (
          <button
            key={format}
            onClick={() => {
              save.flush()
              onExport(draft.id, format)
            }}
          >
            {format === 'markdown' ? 'Markdown' : format === 'docx' ? 'Word' : format.toUpperCase()}
          </button>
        ))}
        <span className="spacer" />
        <button
          className="danger"
          onClick={() =>
            guard(edit('Delete brief', 'briefs:delete', [draft.id], (d) => ['briefs:restore', d]))
          }
        >
          Delete brief
        </button>
      </div>
      <label className="field">
        <span>Title</span>
        <input value={draft.title} onChange={(e) => change({ ...draft, title: e.target.value })} />
      </label>
      <label className="field">
        <span>Citation style</span>
        <select
          value={draft.citationStyle}
          onChange={(e) => change({ ...draft, citationStyle: e.target.value as BriefDraft['citationStyle'] })}
        >
          <option value="chicago">Chicago (notes)</option>
          <option value="apa">APA</option>
        </select>
      </label>
      <label className="field">
        <span>Bottom line up front</span>
        <textarea
          rows={3}
          value={draft.bottomLine}
          onChange={(e) => change({ ...draft, bottomLine: e.target.value })}
        />
      </label>
      {draft.sections.map((section) => (
        <fieldset
          key={section.id}
          className="brief-section"
          onDragOver={(e) => dragging && e.preventDefault()}
          onDrop={() =>
            dragging &&
            change(moveItem(draft, dragging, { toSectionId: section.id, toIndex: section.items.length }))
          }
        >
          <legend className="sr-only">Section</legend>
          <div className="section-head">
            <input
              aria-label="Section heading"
              value={section.heading}
              onChange={(e) => change(updateSection(draft, section.id, e.target.value))}
            />
            <button className="link-button" onClick={() => change(removeSection(draft, section.id))}>
              Remove section
            </button>
          </div>
          <ol className="brief-items">
            {section.items.map((item, index) => (
              <li
                key={item.id}
                draggable
                onDragStart={() => setDragging(item.id)}
                onDragEnd={() => setDragging(null)}
                onDrop={(e) => {
                  e.stopPropagation()
                  if (dragging) change(moveItem(draft, dragging, { toSectionId: section.id, toIndex: index }))
                }}
                onKeyDown={(e) => {
                  if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                    e.preventDefault()
                    change(moveItem(draft, item.id, { delta: e.key === 'ArrowUp' ? -1 : 1 }))
                  }
                }}
                className="brief-item"
                aria-label={label(item)}
              >
                <span className="drag-handle" aria-hidden="true">
                  ⋮⋮
                </span>
                <ItemEditor
                  item={item}
                  label={label(item)}
                  onChange={(next) => change(updateItem(draft, item.id, () => next))}
                />
                <div className="item-actions">
                  <button
                    aria-label="Move up"
                    title="Move up (Alt+↑)"
                    onClick={() => change(moveItem(draft, item.id, { delta: -1 }))}
                  >
                    ↑
                  </button>
                  <button
                    aria-label="Move down"
                    title="Move down (Alt+↓)"
                    onClick={() => change(moveItem(draft, item.id, { delta: 1 }))}
                  >
                    ↓
                  </button>
                  <button aria-label="Remove" onClick={() => change(removeItem(draft, item.id))}>
                    ×
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <div className="add-items">
            <select
              aria-label="Add a claim"
              value=""
              onChange={(e) =>
                e.target.value &&
                change(
                  addItem(draft, section.id, {
                    id: crypto.randomUUID(),
                    type: 'claim',
                    claimId: e.target.value,
                    estimate: null,
                    showQuotes: true,
                  }),
                )
              }
            >
              <option value="">Add a claim…</option>
              {notebook.claims.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.statement}
                </option>
              ))}
            </select>
            <QuotePicker
              annotations={notebook.annotations}
              onPick={(annotationId) =>
                change(addItem(draft, section.id, { id: crypto.randomUUID(), type: 'quote', annotationId }))
              }
            />
            <button
              onClick={() =>
                change(addItem(draft, section.id, { id: crypto.randomUUID(), type: 'prose', text: '' }))
              }
            >
              Add prose
            </button>
          </div>
        </fieldset>
      ))}
      <button onClick={() => change(addSection(draft, 'New section'))}>Add section</button>
      <h2 className="pane-title">Preview</h2>
      <BriefPreview notebook={notebook} draft={draft} />
    </section>
  )
}

function ItemEditor({
  item,
  label,
  onChange,
}: {
  item: DraftItem
  label: string
  onChange(item: DraftItem): void
}) {
  if (item.type === 'prose') {
    return (
      <textarea
        aria-label="Prose text"
        rows={3}
        value={item.text}
        onChange={(e) => onChange({ ...item, text: e.target.value })}
      />
    )
  }
  if (item.type === 'quote') return <span className="item-label">{label}</span>
  return (
    <div className="claim-item-editor">
      <span className="item-label">{label}</span>
      <select
        aria-label="Judgement (ICD-203)"
        value={item.estimate ?? ''}
        onChange={(e) => onChange({ ...item, estimate: (e.target.value || null) as EstimativeTerm | null })}
      >
        <option value="">No judgement</option>
        {ESTIMATIVE_TERMS.map((term) => (
          <option key={term} value={term}>
            {term}
          </option>
        ))}
      </select>
      <label>
        <input
          type="checkbox"
          checked={item.showQuotes}
          onChange={(e) => onChange({ ...item, showQuotes: e.target.checked })}
        />{' '}
        quotes
      </label>
    </div>
  )
}
