/**
 * axe-core over the page as it stands, with the WCAG 2.0/2.1 A and AA rules. Returns the serious and
 * critical violations (what the tests forbid), each as one readable line per failing element, and
 * the count of minor and moderate ones (reported, not failed on).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface AxeReport {
  serious: string[]
  lesser: string[]
  /** How many rules found something to check and passed: proof that axe really looked. */
  passed: number
}

export async function axeReport(page: Page): Promise<AxeReport> {
  // Nothing excluded: every rule of these tags runs on the whole page.
  const { violations, passes } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const lines = (impacts: string[]) =>
    violations
      .filter((v) => impacts.includes(v.impact ?? 'minor'))
      .flatMap((v) =>
        v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
      )
  return {
    serious: lines(['serious', 'critical']),
    lesser: lines(['minor', 'moderate']),
    passed: passes.length,
  }
}
