/**
 * The part of the claims x sources matrix on screen: a page of claims (rows), and of the sources that
 * bear on those claims a page (columns). A notebook of 1,000 claims and 10,000 sources is never drawn
 * whole: at most CLAIMS_PER_PAGE x SOURCES_PER_PAGE cells at a time.
 */
import type { Claim, Source } from '../model'
import { sourcesBearingOn, type ClaimsMatrix } from './matrix'

export const CLAIMS_PER_PAGE = 50
export const SOURCES_PER_PAGE = 20

/** Items `start`..`end` (exclusive) of `total`, on page `page` of `pages`. */
export interface PageRange {
  page: number
  pages: number
  start: number
  end: number
  total: number
}

export function pageRange(total: number, page: number, size: number): PageRange {
  const pages = Math.max(1, Math.ceil(total / size))
  const at = Math.max(0, Math.min(page, pages - 1))
  return { page: at, pages, start: at * size, end: Math.min(total, (at + 1) * size), total }
}

export interface MatrixPage {
  claims: Claim[]
  sources: Source[]
  claimRange: PageRange
  sourceRange: PageRange
}

export function matrixPage(
  matrix: ClaimsMatrix,
  claimPage: number,
  sourcePage: number,
  sizes = { claims: CLAIMS_PER_PAGE, sources: SOURCES_PER_PAGE },
): MatrixPage {
  const claimRange = pageRange(matrix.claims.length, claimPage, sizes.claims)
  const claims = matrix.claims.slice(claimRange.start, claimRange.end)
  const bearing = sourcesBearingOn(matrix, claims)
  const sourceRange = pageRange(bearing.length, sourcePage, sizes.sources)
  return { claims, sources: bearing.slice(sourceRange.start, sourceRange.end), claimRange, sourceRange }
}
