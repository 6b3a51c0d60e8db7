/** Steps several end-to-end tests take through the UI, written once. */
import { expect, type Locator, type Page } from '@playwright/test'
import type { Harness } from './harness'

/** Links an annotation card to a claim: a new one (by statement) or an existing one (by its label). */
export async function linkToClaim(
  card: Locator,
  claim: string,
  options: { stance?: string; attributedTo?: string; isNew?: boolean } = {},
): Promise<void> {
  await card.getByRole('button', { name: 'Link to claim…' }).click()
  const form = card.getByRole('form', { name: 'Link to claim' })
  if (options.isNew) await form.getByLabel('Statement').fill(claim)
  else await form.getByLabel('Claim').selectOption({ label: claim })
  if (options.stance) await form.getByLabel('Stance').selectOption(options.stance)
  if (options.attributedTo) await form.getByLabel('Attributed to').fill(options.attributedTo)
  await form.getByRole('button', { name: 'Link' }).click()
  await expect(card.getByRole('list', { name: 'Linked claims' })).toContainText(claim)
}

export const BRIEF_FORMATS = [
  ['Markdown', 'md'],
  ['HTML', 'html'],
  ['Word', 'docx'],
  ['PDF', 'pdf'],
] as const

/**
 * Clicks each format's export button in `within`, answering the save dialog with `<stem>.<ext>` in
 * the test's output folder; returns the written paths by extension.
 */
export async function exportEveryFormat(
  app: Harness,
  within: Page | Locator,
  outputPath: (name: string) => string,
  stem: string,
): Promise<Record<(typeof BRIEF_FORMATS)[number][1], string>> {
  const exported = {} as Record<(typeof BRIEF_FORMATS)[number][1], string>
  for (const [button, extension] of BRIEF_FORMATS) {
    const path = outputPath(`${stem}.${extension}`)
    app.dialogs.exportPath = path
    await within.getByRole('button', { name: button, exact: true }).click()
    await expect(app.page.getByText(`Brief saved to ${path}`)).toBeVisible({ timeout: 30_000 })
    exported[extension] = path
  }
  return exported
}
