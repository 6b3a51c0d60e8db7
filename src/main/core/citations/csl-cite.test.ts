import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Source } from '../../../shared/model'
import { cslCiteSource } from './csl-cite'

const CSL_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'csl')
const source: Source = {
  id: 's1',
  title: 'North Korea has sent troops to Russia, US says',
  outlet: 'Associated Press',
  author: 'Hyung-Jin Kim',
  published: '2024-10-23',
  url: 'https://apnews.com/article/x',
  imported: '2024-10-24T08:00:00.000Z',
  retrieved: '',
  originalFileName: 'a.html',
  format: 'html',
  originalSha256: '0'.repeat(64),
  textSha256: '0'.repeat(64),
  textLength: 1,
  pages: 0,
  nearDuplicates: [],
}
const textOf = (nodes: ReturnType<ReturnType<typeof cslCiteSource>>) =>
  nodes.map((n) => ('value' in n ? n.value : '')).join('')

describe('CSL footnotes for composed briefs', () => {
  it('cites in Chicago notes with the page and always the access date', () => {
    const note = textOf(cslCiteSource(CSL_DIR, 'chicago')(source, 2))
    expect(note).toContain(
      'Hyung-Jin Kim, “North Korea Has Sent Troops to Russia, US Says,” Associated Press, October 23, 2024, 2',
    )
    expect(note).toContain('Accessed October 24, 2024.')
  })

  it('cites in APA style', () => {
    const note = textOf(cslCiteSource(CSL_DIR, 'apa')(source, undefined))
    expect(note).toContain(
      'Kim, H.-J. (2024, October 23). North Korea has sent troops to Russia, US says. Associated Press.',
    )
    expect(note).toContain('Accessed October 24, 2024.')
  })
})
