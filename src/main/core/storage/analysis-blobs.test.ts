import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ANALYSIS_VERSION } from '../../../shared/analysis/analysis-version'
import type { TextAnalysis } from '../../../shared/analysis/types'
import { analysisPath, readAnalysis, writeAnalysis } from './analysis-blobs'

const SHA = 'a'.repeat(64)
const ANALYSIS: TextAnalysis = {
  version: ANALYSIS_VERSION,
  mentions: [
    {
      kind: 'attribution',
      start: 0,
      end: 14,
      sentenceStart: 0,
      sentenceEnd: 30,
      text: 'Officials said',
      speaker: 'Officials',
      person: false,
      speakerStart: 0,
      speakerEnd: 9,
      parties: ['Officials'],
      cue: 'said',
    },
  ],
  attributedTo: [''],
  candidates: [],
  words: 'officials said',
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-analysis-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('stored text analyses', () => {
  it('reads back what was written, under the text’s hash', async () => {
    await writeAnalysis(dir, SHA, ANALYSIS)
    expect(analysisPath(dir, SHA)).toBe(join(dir, 'analysis', `${SHA}.mentions.json`))
    expect(await readAnalysis(dir, SHA)).toEqual(ANALYSIS)
  })

  it('reads as absent: no file, another version, another text, a damaged or malformed file', async () => {
    expect(await readAnalysis(dir, SHA)).toBeNull()
    const cases: unknown[] = [
      { textSha256: SHA, analysis: { ...ANALYSIS, version: ANALYSIS_VERSION + 1 } },
      { textSha256: 'b'.repeat(64), analysis: ANALYSIS },
      { textSha256: SHA, analysis: { ...ANALYSIS, attributedTo: [] } },
      { textSha256: SHA, analysis: { ...ANALYSIS, mentions: [{ kind: 'quantity' }] } },
      { textSha256: SHA, analysis: { ...ANALYSIS, words: undefined } },
    ]
    await writeAnalysis(dir, SHA, ANALYSIS)
    for (const stored of cases) {
      await writeFile(analysisPath(dir, SHA), JSON.stringify(stored))
      expect(await readAnalysis(dir, SHA)).toBeNull()
    }
    await writeFile(analysisPath(dir, SHA), '{"textSha256": "a')
    expect(await readAnalysis(dir, SHA)).toBeNull()
  })

  it('replaces an analysis an older extractor made', async () => {
    await writeAnalysis(dir, SHA, { ...ANALYSIS, version: ANALYSIS_VERSION - 1 })
    await writeAnalysis(dir, SHA, ANALYSIS)
    expect(JSON.parse(await readFile(analysisPath(dir, SHA), 'utf8'))).toEqual({
      textSha256: SHA,
      analysis: ANALYSIS,
    })
  })
})
