/**
 * Which quotes the brief's "Add a quote" picker offers: the annotations whose words (or comment)
 * contain every word typed, at most `limit` of them in notebook order, and how many more match. A
 * notebook of 100,000 annotations never puts 100,000 options in a section's picker.
 */
import type { Annotation } from '../../../shared/model'

export const QUOTE_CHOICES = 100

export function quoteChoices(
  annotations: readonly Annotation[],
  filter: string,
  limit = QUOTE_CHOICES,
): { choices: Annotation[]; more: number } {
  const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  const choices: Annotation[] = []
  let more = 0
  for (const annotation of annotations) {
    if (words.length) {
      const text = `${annotation.target.quote.exact} ${annotation.comment}`.toLocaleLowerCase()
      if (!words.every((w) => text.includes(w))) continue
    }
    if (choices.length < limit) choices.push(annotation)
    else more++
  }
  return { choices, more }
}
