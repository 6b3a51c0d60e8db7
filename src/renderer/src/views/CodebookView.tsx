/**
 * The codebook: every tag as a tree, with colour, description, parent, how often it is used; rename,
 * merge and delete (annotations and claims follow; all undoable). Clicking a count filters by tag.
 */
import { useMemo, useState } from 'react'
import type { NotebookSnapshot } from '../../../main/api/snapshot'
import type { Tag } from '../../../shared/model'
import { useEdit } from '../edits'
import { useGuard } from '../notices'

interface Props {
  notebook: NotebookSnapshot
  onFilterByTag(tagId: string): void
}

/** Tags in tree order (parents before children) with their depth. */
export function treeOrder(tags: readonly Tag[]): Array<{ tag: Tag; depth: number }> {
  const children = new Map<string | null, Tag[]>()
  for (const tag of tags) {
    const parent = tag.parentId && tags.some((t) => t.id === tag.parentId) ? tag.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), tag])
  }
  const out: Array<{ tag: Tag; depth: number }> = []
  const walk = (parent: string | null, depth: number) => {
    for (const tag of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ tag, depth })
      walk(tag.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

export function CodebookView({ notebook, onFilterByTag }: Props) {
  const edit = useEdit()
  const [name, setName] = useState('')
  const rows = useMemo(() => treeOrder(notebook.tags), [notebook.tags])
  const uses = (id: string) =>
    notebook.annotations.filter((a) => a.tagIds.includes(id)).length +
    notebook.claims.filter((c) => c.tagIds.includes(id)).length
  const guard = useGuard()
  const update = (
    tag: Tag,
    patch: { name?: string; color?: string; description?: string; parentId?: string | null },
  ) => {
    const before = Object.fromEntries(
      Object.keys(patch).map((k) => [k, tag[k as keyof Tag] ?? (k === 'parentId' ? null : '')]),
    )
    guard(
      edit(`Edit tag “${tag.name}”`, 'tags:update', [tag.id, patch], () => ['tags:update', tag.id, before]),
    )
  }

  return (
    <section className="pane codebook-view" aria-label="Codebook">
      <h2 className="pane-title">Codebook ({notebook.tags.length} tags)</h2>
      <form
        className="new-claim"
        onSubmit={(e) => {
          e.preventDefault()
          guard(
            edit('Create tag', 'tags:create', [{ name }], (t) => ['tags:delete', t.id]).then(() =>
              setName(''),
            ),
          )
        }}
      >
        <input
          aria-label="New tag name"
          placeholder="New tag…"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={!name.trim()}>
          Add tag
        </button>
      </form>
      {rows.length === 0 && (
        <p className="empty">
          No tags yet. Add one here, or tag an annotation from its card (press T on a selected annotation,
          type a name, Enter).
        </p>
      )}
      <table className="codebook" hidden={rows.length === 0}>
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col">Colour</th>
            <th scope="col">Description</th>
            <th scope="col">Filed under</th>
            <th scope="col">Uses</th>
            <th scope="col">Merge into / delete</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ tag, depth }) => (
            <tr key={tag.id}>
              <td className={`tag-depth-${Math.min(depth, 4)}`}>
                <input
                  aria-label={`Name of ${tag.name}`}
                  defaultValue={tag.name}
                  onBlur={(e) =>
                    e.target.value.trim() &&
                    e.target.value !== tag.name &&
                    update(tag, { name: e.target.value })
                  }
                />
              </td>
              <td>
                <input
                  type="color"
                  aria-label={`Colour of ${tag.name}`}
                  value={tag.color || '#888888'}
                  onChange={(e) => update(tag, { color: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`Description of ${tag.name}`}
                  defaultValue={tag.description ?? ''}
                  onBlur={(e) =>
                    e.target.value !== (tag.description ?? '') && update(tag, { description: e.target.value })
                  }
                />
              </td>
              <td>
                <select
                  aria-label={`Parent of ${tag.name}`}
                  value={tag.parentId ?? ''}
                  onChange={(e) => update(tag, { parentId: e.target.value || null })}
                >
                  <option value="">(top level)</option>
                  <TagOptions tags={notebook.tags} except={tag.id} />
                </select>
              </td>
              <td>
                <button
                  className="link-button"
                  onClick={() => onFilterByTag(tag.id)}
                  title="Show what carries this tag"
                >
                  {uses(tag.id)}
                </button>
              </td>
              <td>
                <select
                  aria-label={`Merge ${tag.name} into`}
                  value=""
                  onChange={(e) => {
                    const into = e.target.value
                    if (!into) return
                    // The merge reports what it changed, so undo restores exactly that.
                    guard(
                      edit(`Merge “${tag.name}”`, 'tags:merge', [tag.id, into], (merged) => [
                        'tags:unmerge',
                        merged,
                      ]),
                    )
                  }}
                >
                  <option value="">Merge into…</option>
                  <TagOptions tags={notebook.tags} except={tag.id} />
                </select>{' '}
                <button
                  className="danger"
                  onClick={() =>
                    guard(
                      edit(`Delete tag “${tag.name}”`, 'tags:delete', [tag.id], (d) => ['tags:restore', d]),
                    )
                  }
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** Every tag but one, as options of a select (a tag cannot be its own parent or merge target). */
function TagOptions({ tags, except }: { tags: readonly Tag[]; except: string }) {
  return tags
    .filter((t) => t.id !== except)
    .map((t) => (
      <option key={t.id} value={t.id}>
        {t.name}
      </option>
    ))
}
