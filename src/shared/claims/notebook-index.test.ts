/**
 * The index-based claim rules against the rules as they were before the index (kept below as the
 * reference: each rebuilt its lookups from the whole notebook per claim), on random notebooks:
 * the same links, counts, grades, matrix and tag matches.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Annotation, Claim, Reliability, Source, Stance, Tag } from '../model'
import { annotationFixture, sourceFixture } from '../testing/fixtures'
import {
  annotationHasTag,
  buildMatrix,
  cellKey,
  claimHasTag,
  corroboration,
  effectiveReliability,
  indexNotebook,
  normaliseName,
  originKey,
  resolveLinks,
  sourcesBearingOn,
  tagWithDescendants,
  type ResolvedLink,
} from '.'

// ---- The reference: the rules as written before the index, verbatim in what they compute. ----

function referenceResolveLinks(claim: Claim, annotations: readonly Annotation[], sources: readonly Source[]) {
  const byId = new Map(annotations.map((a) => [a.id, a]))
  const sourceById = new Map(sources.map((s) => [s.id, s]))
  return claim.links.flatMap((link) => {
    const annotation = byId.get(link.annotationId)
    const source = annotation && sourceById.get(annotation.sourceId)
    return annotation && source
      ? [{ annotation, source, stance: link.stance, attributedTo: link.attributedTo }]
      : []
  })
}

function referenceStoryOf(sources: readonly Source[]): (sourceId: string) => string {
  const parent = new Map<string, string>()
  const find = (id: string): string => {
    const up = parent.get(id)
    if (!up || up === id) return id
    const root = find(up)
    parent.set(id, root)
    return root
  }
  for (const source of sources) {
    for (const near of source.nearDuplicates) parent.set(find(source.id), find(near.sourceId))
  }
  return find
}

function referenceCorroboration(links: readonly ResolvedLink[], sources: readonly Source[]) {
  const story = referenceStoryOf(sources)
  const count = (stance: Stance) => {
    const picked = links.filter((l) => l.stance === stance)
    return {
      outlets: new Set(picked.map((l) => normaliseName(l.source.outlet) || `source:${l.source.id}`)).size,
      origins: new Set(picked.map((l) => originKey(l, story))).size,
    }
  }
  return { supports: count('supports'), contradicts: count('contradicts'), mentions: count('mentions') }
}

function referenceReliability(source: Source, sources: readonly Source[]) {
  if (source.reliability) return { grade: source.reliability, from: 'source' }
  const outlet = normaliseName(source.outlet)
  if (outlet) {
    const graded = [...sources].reverse().find((s) => s.reliability && normaliseName(s.outlet) === outlet)
    if (graded?.reliability) return { grade: graded.reliability, from: 'outlet' }
  }
  return { grade: 'F', from: 'default' }
}

function referenceMatrix(
  claims: readonly Claim[],
  annotations: readonly Annotation[],
  sources: readonly Source[],
) {
  const cells = new Map<string, unknown[]>()
  const speaking = new Set<string>()
  for (const claim of claims) {
    for (const link of referenceResolveLinks(claim, annotations, sources)) {
      const key = cellKey(claim.id, link.source.id)
      const quote = {
        annotationId: link.annotation.id,
        stance: link.stance,
        quote: link.annotation.target.quote.exact,
        attributedTo: link.attributedTo,
      }
      cells.set(key, [...(cells.get(key) ?? []), quote])
      speaking.add(link.source.id)
    }
  }
  return { claims: [...claims], sources: sources.filter((s) => speaking.has(s.id)), cells }
}

function referenceTagWithDescendants(tags: readonly Tag[], id: string): Set<string> {
  const ids = new Set([id])
  let grew = true
  while (grew) {
    grew = false
    for (const tag of tags) {
      if (tag.parentId && ids.has(tag.parentId) && !ids.has(tag.id)) {
        ids.add(tag.id)
        grew = true
      }
    }
  }
  return ids
}

function referenceClaimHasTag(claim: Claim, annotations: readonly Annotation[], ids: ReadonlySet<string>) {
  if (claim.tagIds.some((id) => ids.has(id))) return true
  const linked = new Set(claim.links.map((l) => l.annotationId))
  return annotations.some((a) => linked.has(a.id) && annotationHasTag(a, ids))
}

// ---- Random notebooks: few outlets and speakers, so origins, outlets and duplicates collide. ----

const OUTLETS = ['AP', 'the AP', 'CBS News', 'cbs news', 'WION', '']
const SPEAKERS = ['', '', "South Korea's NIS", 'the South Korea NIS', 'John Kirby']
const GRADES: (Reliability | undefined)[] = [undefined, undefined, 'A', 'B', 'E', 'F']
const STANCES: Stance[] = ['supports', 'contradicts', 'mentions']

const notebookArbitrary = fc
  .record({
    sourceCount: fc.integer({ min: 0, max: 12 }),
    seed: fc.array(fc.nat(1000), { minLength: 200, maxLength: 200 }),
  })
  .map(({ sourceCount, seed }) => {
    let at = 0
    const next = (n: number) => seed[at++ % seed.length]! % Math.max(n, 1)
    const sources = Array.from({ length: sourceCount }, (_, i) => {
      const reliability = GRADES[next(GRADES.length)]
      return sourceFixture(`s${i}`, {
        outlet: OUTLETS[next(OUTLETS.length)]!,
        ...(reliability ? { reliability } : {}),
        // Duplicates may point at any source, even one later in the list or gone (`s99`).
        nearDuplicates:
          next(3) === 0
            ? [{ sourceId: next(4) === 0 ? 's99' : `s${next(sourceCount)}`, similarity: 0.8 }]
            : [],
      })
    })
    const tags: Tag[] = Array.from({ length: 6 }, (_, i) => ({
      id: `t${i}`,
      name: `tag ${i}`,
      parentId: i > 0 && next(2) === 0 ? `t${next(i)}` : null,
    }))
    const annotations = Array.from({ length: sourceCount * 2 }, (_, i) =>
      annotationFixture(`a${i}`, next(5) === 0 ? 'gone' : `s${next(sourceCount)}`, `quote ${i}`, {
        tagIds: next(2) === 0 ? [`t${next(tags.length)}`] : [],
      }),
    )
    const claims: Claim[] = Array.from({ length: next(6) }, (_, i) => ({
      id: `c${i}`,
      statement: `claim ${i}`,
      links: Array.from({ length: next(6) }, () => ({
        annotationId: next(6) === 0 ? 'deleted' : `a${next(annotations.length)}`,
        stance: STANCES[next(3)]!,
        attributedTo: SPEAKERS[next(SPEAKERS.length)]!,
      })),
      credibility: null,
      tagIds: next(4) === 0 ? [`t${next(tags.length)}`] : [],
      created: '',
      modified: '',
    }))
    return { sources, annotations, claims, tags }
  })

describe('the notebook index gives the same answers as the rules without it', () => {
  it('links, counts and grades', () => {
    fc.assert(
      fc.property(notebookArbitrary, ({ sources, annotations, claims }) => {
        const index = indexNotebook({ annotations, sources })
        for (const claim of claims) {
          const links = resolveLinks(claim, index)
          expect(links).toEqual(referenceResolveLinks(claim, annotations, sources))
          expect(corroboration(links, index)).toEqual(referenceCorroboration(links, sources))
        }
        for (const source of sources)
          expect(effectiveReliability(source, index)).toEqual(referenceReliability(source, sources))
      }),
      { numRuns: 300 },
    )
  })

  it('the matrix', () => {
    fc.assert(
      fc.property(notebookArbitrary, (notebook) => {
        const { claims, sources, cells } = buildMatrix(notebook)
        const reference = referenceMatrix(notebook.claims, notebook.annotations, notebook.sources)
        expect({ claims, sources, cells }).toEqual(reference)
      }),
      { numRuns: 300 },
    )
  })

  it('tag filters', () => {
    fc.assert(
      fc.property(notebookArbitrary, ({ annotations, claims, tags }) => {
        const index = indexNotebook({ annotations, sources: [] })
        for (const tag of tags) {
          const ids = tagWithDescendants(tags, tag.id)
          expect(ids).toEqual(referenceTagWithDescendants(tags, tag.id))
          for (const claim of claims)
            expect(claimHasTag(claim, index, ids)).toBe(referenceClaimHasTag(claim, annotations, ids))
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('the matrix pages by claims', () => {
  const sources = ['s0', 's1', 's2', 's3'].map((id) => sourceFixture(id))
  const annotations = sources.map((s, i) => annotationFixture(`a${i}`, s.id, `quote ${i}`))
  const claim = (id: string, annotationIds: string[]): Claim => ({
    id,
    statement: id,
    links: annotationIds.map((annotationId) => ({ annotationId, stance: 'supports', attributedTo: '' })),
    credibility: null,
    tagIds: [],
    created: '',
    modified: '',
  })
  const claims = [claim('c1', ['a3', 'a1']), claim('c2', ['a0']), claim('c3', [])]
  const matrix = buildMatrix({ claims, annotations, sources })

  it('shows, for the claims in view, only the sources that bear on them, in library order', () => {
    expect(sourcesBearingOn(matrix, [claims[0]!]).map((s) => s.id)).toEqual(['s1', 's3'])
    expect(sourcesBearingOn(matrix, claims.slice(0, 2)).map((s) => s.id)).toEqual(['s0', 's1', 's3'])
    expect(sourcesBearingOn(matrix, [claims[2]!])).toEqual([])
  })
})
