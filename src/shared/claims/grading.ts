/**
 * NATO Admiralty grading, kept in two separate axes as the code requires: the reliability of a
 * SOURCE (A-F) and the credibility of a piece of INFORMATION (1-6). The analyst sets both; the app
 * only defaults reliability from the outlet and suggests a credibility from the evidence.
 */
import type { Credibility, Reliability, Source } from '../model'
import type { Corroboration } from './corroboration'
import { normaliseName } from './corroboration'
import type { NotebookIndex } from './notebook-index'

export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
}

export const CREDIBILITY_LABELS: Record<Credibility, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
}

/**
 * A source's reliability: the analyst's grade for it, else the grade last given to another source
 * of the same outlet (an outlet's record carries over), else F (cannot be judged).
 */
export function effectiveReliability(
  source: Source,
  index: Pick<NotebookIndex, 'outletGrades'>,
): { grade: Reliability; from: 'source' | 'outlet' | 'default' } {
  if (source.reliability) return { grade: source.reliability, from: 'source' }
  const graded = index.outletGrades.get(normaliseName(source.outlet))
  if (graded) return { grade: graded, from: 'outlet' }
  return { grade: 'F', from: 'default' }
}

const TRUSTED: ReadonlySet<Reliability> = new Set(['A', 'B', 'C'])

/**
 * A credibility to suggest, with the reason in words. Independent origins count, not outlets:
 * - 1: two or more independent origins support it and none contradicts;
 * - 2: one origin supports it, from a source graded A-C, and none contradicts;
 * - 3: support from one origin of unknown or poor reliability, or support outweighs contradiction;
 * - 4: origins contradict as much as they support;
 * - 5: contradicted, with no support;
 * - 6: no evidence linked.
 */
export function suggestCredibility(
  counts: Corroboration,
  supportingGrades: readonly Reliability[],
): { grade: Credibility; reason: string } {
  const support = counts.supports.origins
  const against = counts.contradicts.origins
  if (support === 0 && against === 0) return { grade: 6, reason: 'No source supports or contradicts it yet.' }
  if (support === 0)
    return { grade: 5, reason: `Contradicted by ${against} origin(s) and supported by none.` }
  if (against === 0 && support >= 2)
    return { grade: 1, reason: `Supported by ${support} independent origins; none contradicts.` }
  if (against === 0) {
    return supportingGrades.some((g) => TRUSTED.has(g))
      ? { grade: 2, reason: 'Supported by one origin, reported by a reliable source; none contradicts.' }
      : { grade: 3, reason: 'Supported by one origin only, from a source not graded reliable.' }
  }
  if (support > against)
    return { grade: 3, reason: `Supported by ${support} origin(s), contradicted by ${against}.` }
  return { grade: 4, reason: `Contradicted by ${against} origin(s), supported by ${support}.` }
}
