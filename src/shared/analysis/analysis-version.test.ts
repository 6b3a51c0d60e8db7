import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ANALYSIS_VERSION } from './analysis-version'
import { analyseText } from './text-analysis'

const SAMPLE_DIR = new URL('../../../resources/sample/', import.meta.url)
const SEEDS = readdirSync(SAMPLE_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(new URL(name, SAMPLE_DIR), 'utf8'))

describe('ANALYSIS_VERSION', () => {
  // Notebooks keep analyses made by older versions of the app: they are made again only when the
  // version differs. So when the extractor's output changes, the version must too.
  it('changes whenever the analysis of the seeds does', () => {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(SEEDS.map(analyseText)))
      .digest('hex')
    // On a failure: bump ANALYSIS_VERSION, then set both values below to the new ones.
    expect({ version: ANALYSIS_VERSION, fingerprint }).toEqual({
      version: 1,
      fingerprint: '6c8f25f2e701526083b54ae7764ae776ba60d6a364246164d43d5a50ea6013a4',
    })
  })
})
