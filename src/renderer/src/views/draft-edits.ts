/** Pure edits of a brief draft (the composer keeps a copy, edits it with these, and saves it whole). */
import type { BriefDraft, DraftItem } from '../../../shared/model'

export function newDraft(title: string): BriefDraft {
  const now = new Date().toISOString()
  return {
    id: crypto.randomUUID(),
    title,
    bottomLine: '',
    citationStyle: 'chicago',
    sections: [{ id: crypto.randomUUID(), heading: 'Key judgements', items: [] }],
    created: now,
    modified: now,
  }
}

export function addSection(draft: BriefDraft, heading: string): BriefDraft {
  return { ...draft, sections: [...draft.sections, { id: crypto.randomUUID(), heading, items: [] }] }
}

export function updateSection(draft: BriefDraft, sectionId: string, heading: string): BriefDraft {
  return { ...draft, sections: draft.sections.map((s) => (s.id === sectionId ? { ...s, heading } : s)) }
}

export function removeSection(draft: BriefDraft, sectionId: string): BriefDraft {
  return { ...draft, sections: draft.sections.filter((s) => s.id !== sectionId) }
}

export function addItem(draft: BriefDraft, sectionId: string, item: DraftItem): BriefDraft {
  return {
    ...draft,
    sections: draft.sections.map((s) => (s.id === sectionId ? { ...s, items: [...s.items, item] } : s)),
  }
}

export function updateItem(
  draft: BriefDraft,
  itemId: string,
  change: (item: DraftItem) => DraftItem,
): BriefDraft {
  return {
    ...draft,
    sections: draft.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => (i.id === itemId ? change(i) : i)),
    })),
  }
}

export function removeItem(draft: BriefDraft, itemId: string): BriefDraft {
  return {
    ...draft,
    sections: draft.sections.map((s) => ({ ...s, items: s.items.filter((i) => i.id !== itemId) })),
  }
}

/**
 * Moves an item to `toIndex` of section `toSectionId` (drag and drop), or by `delta` places within
 * its section, crossing into the neighbouring section at the ends (keyboard).
 */
export function moveItem(
  draft: BriefDraft,
  itemId: string,
  target: { toSectionId: string; toIndex: number } | { delta: -1 | 1 },
): BriefDraft {
  const from = draft.sections.findIndex((s) => s.items.some((i) => i.id === itemId))
  if (from < 0) return draft
  const item = draft.sections[from]!.items.find((i) => i.id === itemId)!
  const index = draft.sections[from]!.items.indexOf(item)
  let toSection: number
  let toIndex: number
  if ('delta' in target) {
    const next = index + target.delta
    if (next >= 0 && next < draft.sections[from]!.items.length) [toSection, toIndex] = [from, next]
    else if (target.delta < 0 && from > 0)
      [toSection, toIndex] = [from - 1, draft.sections[from - 1]!.items.length]
    else if (target.delta > 0 && from < draft.sections.length - 1) [toSection, toIndex] = [from + 1, 0]
    else return draft
  } else {
    toSection = draft.sections.findIndex((s) => s.id === target.toSectionId)
    if (toSection < 0) return draft
    toIndex = target.toIndex
  }
  const sections = draft.sections.map((s) => ({ ...s, items: s.items.filter((i) => i.id !== itemId) }))
  const destination = sections[toSection]!
  destination.items.splice(Math.min(toIndex, destination.items.length), 0, item)
  return { ...draft, sections }
}
