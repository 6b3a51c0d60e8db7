/**
 * The version of the text analysis (mentions and what `analyseText` derives from them). A stored
 * analysis made by another version is made again, so bump this whenever the extractor's output can
 * change: `analysis-version.test.ts` fails until you do, by checking a fingerprint of the seeds' analyses.
 * Kept apart from the extractor so that main can check a stored analysis without loading compromise.
 */
export const ANALYSIS_VERSION = 1
