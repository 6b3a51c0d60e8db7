/**
 * Claims: statements the analyst words, linked to annotations across sources with a stance and an
 * attribution, and graded for credibility. Plus source reliability grades.
 */
import { randomUUID } from 'node:crypto'
import { createTarget } from '../../shared/anchoring'
import type {
  Annotation,
  Claim,
  ClaimLink,
  Credibility,
  NotebookData,
  Reliability,
  Source,
} from '../../shared/model'
import type { ClaimPatch, ClaimSuggestion, NewClaim } from '../../shared/ipc/payloads'
import { DomainError } from './domain-error'
import { editById, findById } from './records'
import type { NotebookStore } from './notebook-store'

const claimGone = () => new DomainError('not-found', 'That claim is no longer in the notebook.')

function findClaim(data: NotebookData, id: string): Claim {
  const claim = findById(data.claims, id)
  if (!claim) throw claimGone()
  return claim
}

/** Replaces the claim with an edited copy, stamped modified now. */
function editClaim(data: NotebookData, id: string, edit: (claim: Claim) => void): Claim {
  const edited = editById(data.claims, id, (claim) => {
    edit(claim)
    claim.modified = new Date().toISOString()
  })
  if (!edited) throw claimGone()
  return edited
}

function checkAnnotation(data: NotebookData, annotationId: string): void {
  if (!findById(data.annotations, annotationId)) {
    throw new DomainError('not-found', 'That annotation is no longer in the notebook.')
  }
}

export async function createClaim(store: NotebookStore, input: NewClaim): Promise<Claim> {
  const now = new Date().toISOString()
  return store.update((data) => {
    for (const link of input.links) checkAnnotation(data, link.annotationId)
    const claim: Claim = {
      id: randomUUID(),
      statement: input.statement.trim(),
      links: input.links,
      credibility: null,
      tagIds: [],
      created: now,
      modified: now,
    }
    data.claims.push(claim)
    return claim
  })
}

export async function updateClaim(store: NotebookStore, id: string, patch: ClaimPatch): Promise<Claim> {
  return store.update((data) => {
    return editClaim(data, id, (claim) => {
      if (patch.statement !== undefined) claim.statement = patch.statement.trim()
      if (patch.credibility !== undefined) claim.credibility = patch.credibility as Credibility | null
    })
  })
}

/** Links an annotation to a claim, or changes the stance/attribution of an existing link. */
export async function linkToClaim(store: NotebookStore, claimId: string, link: ClaimLink): Promise<Claim> {
  return store.update((data) => {
    checkAnnotation(data, link.annotationId)
    return editClaim(data, claimId, (claim) => {
      const existing = claim.links.findIndex((l) => l.annotationId === link.annotationId)
      if (existing >= 0) claim.links[existing] = link
      else claim.links.push(link)
    })
  })
}

export async function unlinkFromClaim(
  store: NotebookStore,
  claimId: string,
  annotationId: string,
): Promise<Claim> {
  return store.update((data) => {
    return editClaim(data, claimId, (claim) => {
      claim.links = claim.links.filter((l) => l.annotationId !== annotationId)
    })
  })
}

export async function deleteClaim(store: NotebookStore, id: string): Promise<Claim> {
  return store.update((data) => {
    const claim = findClaim(data, id)
    data.claims = data.claims.filter((c) => c.id !== id)
    return claim
  })
}

/** Undo of a delete: the claim comes back as it was (links to annotations deleted since count for nothing). */
export async function restoreClaim(store: NotebookStore, claim: Claim): Promise<Claim> {
  return store.update((data) => {
    if (!data.claims.some((c) => c.id === claim.id)) data.claims.push(claim)
    return claim
  })
}

export async function gradeSource(
  store: NotebookStore,
  sourceId: string,
  grade: Reliability | null,
): Promise<Source> {
  return store.update((data) => {
    const source = editById(data.sources, sourceId, (s) => void (s.reliability = grade))
    if (!source) throw new DomainError('not-found', 'That source is no longer in the notebook.')
    return source
  })
}

/**
 * Turns a conflict-finder suggestion into a claim: each quoted range becomes a claim annotation on
 * its source, linked with its stance and attribution. All or nothing: a bad range saves nothing.
 */
/** A claim together with the annotations made for it, so both can be undone (and redone) as one. */
export interface ClaimWithAnnotations {
  claim: Claim
  /** Annotations created for this claim (not ones it reused). */
  annotations: Annotation[]
}

export async function claimFromSuggestion(
  store: NotebookStore,
  suggestion: ClaimSuggestion,
): Promise<ClaimWithAnnotations> {
  const now = new Date().toISOString()
  const prepared: Array<{ annotation: Annotation; link: ClaimLink }> = []
  for (const link of suggestion.links) {
    const source = store.data.sources.find((s) => s.id === link.sourceId)
    if (!source)
      throw new DomainError('not-found', 'A source of that suggestion is no longer in the notebook.')
    let target
    try {
      target = createTarget(await store.readText(source.textSha256), link.start, link.end)
    } catch (error) {
      throw new DomainError('bad-selection', `Cannot quote that passage: ${(error as Error).message}`)
    }
    const annotation: Annotation = {
      id: randomUUID(),
      sourceId: source.id,
      kind: 'claim',
      target,
      comment: '',
      tagIds: [],
      created: now,
      modified: now,
    }
    prepared.push({
      annotation,
      link: { annotationId: annotation.id, stance: link.stance, attributedTo: link.attributedTo },
    })
  }
  return store.update((data) => {
    // A passage already quoted by an identical annotation is reused rather than highlighted twice.
    const created: Annotation[] = []
    const links = prepared.map(({ annotation, link }) => {
      const same = data.annotations.find(
        (a) =>
          a.sourceId === annotation.sourceId &&
          a.target.position.start === annotation.target.position.start &&
          a.target.position.end === annotation.target.position.end,
      )
      if (same) return { ...link, annotationId: same.id }
      data.annotations.push(annotation)
      created.push(annotation)
      return link
    })
    const claim: Claim = {
      id: randomUUID(),
      statement: suggestion.statement,
      links,
      credibility: null,
      tagIds: [],
      created: now,
      modified: now,
    }
    data.claims.push(claim)
    return { claim, annotations: created }
  })
}

/** Undo of claimFromSuggestion: removes the claim and the annotations made for it. */
export async function deleteClaimWithAnnotations(
  store: NotebookStore,
  made: ClaimWithAnnotations,
): Promise<ClaimWithAnnotations> {
  return store.update((data) => {
    const ids = new Set(made.annotations.map((a) => a.id))
    data.claims = data.claims.filter((c) => c.id !== made.claim.id)
    data.annotations = data.annotations.filter((a) => !ids.has(a.id))
    return made
  })
}

/** Redo of claimFromSuggestion: puts the claim and its annotations back as they were. */
export async function restoreClaimWithAnnotations(
  store: NotebookStore,
  made: ClaimWithAnnotations,
): Promise<Claim> {
  return store.update((data) => {
    for (const annotation of made.annotations) {
      if (!data.sources.some((s) => s.id === annotation.sourceId)) {
        throw new DomainError('not-found', 'A source of that claim is no longer in the notebook.')
      }
      if (!data.annotations.some((a) => a.id === annotation.id)) data.annotations.push(annotation)
    }
    if (!data.claims.some((c) => c.id === made.claim.id)) data.claims.push(made.claim)
    return made.claim
  })
}
