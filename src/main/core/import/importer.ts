/**
 * Imports files into a notebook: identical bytes are recognised before any parsing, heavy formats
 * are parsed in the worker pool, and each file succeeds or fails on its own — a refused file writes
 * nothing, and one bad file never stops the others.
 */
import { randomUUID } from 'node:crypto'
import pLimit from 'p-limit'
import type { NearDuplicate, Source } from '../../../shared/model'
import type { FileUpload } from '../../../shared/ipc/payloads'
import { MAX_IMPORT_BYTES } from '../../../shared/limits'
import type { TextAnalysis } from '../../../shared/analysis/types'
import { suggestTitle } from '../../../shared/text/suggest-title'
import { DomainError } from '../domain-error'
import { NearDuplicateIndex } from '../near-duplicates'
import type { NotebookStore } from '../notebook-store'
import { sha256Hex } from '../sha256'
import { storeAnalysis } from '../text-analyses'
import type { Extraction } from './extract-document'
import { extractPlainText } from './extract-plain-text'
import { ExtractorPool } from './extractor-pool'
import { formatOf, HEAVY_FORMATS, SUPPORTED_EXTENSIONS } from './formats'

export type ImportOutcome =
  | {
      fileName: string
      ok: true
      sourceId: string
      title: string
      duplicate: boolean
      nearDuplicates: NearDuplicate[]
    }
  | { fileName: string; ok: false; code: string; error: string }

export interface ImportProgress {
  done: number
  total: number
  outcome: ImportOutcome
}

/** A parsed file, with its text's analysis when that could be made. */
type Parsed = Extraction & { analysis: TextAnalysis | null }

export interface ImportOptions {
  signal?: AbortSignal
  onProgress?: (progress: ImportProgress) => void
  /** For a fetched web page: where it came from (final URL after redirects) and when. */
  fetched?: { url: string; retrieved: string }
}

export class Importer {
  private readonly limit = pLimit(2)

  constructor(
    private readonly extractor: ExtractorPool = new ExtractorPool(),
    private readonly duplicates: NearDuplicateIndex = new NearDuplicateIndex(),
    /**
     * Analyse each text for the conflict finder as it is imported (in the worker pool, even for plain
     * text). The app does; left off, as for the sample notebook and most tests, the finder analyses
     * texts on its first run instead, and plain-text imports start no worker.
     */
    private readonly options: { analyseTexts?: boolean } = {},
  ) {}

  /**
   * Parses up to two files at once, but commits them to the notebook one by one in the order given,
   * so the library (and the brief's footnote numbers, which follow it) do not depend on timing.
   */
  async importFiles(
    store: NotebookStore,
    uploads: FileUpload[],
    options: ImportOptions = {},
  ): Promise<ImportOutcome[]> {
    const parsed = uploads.map((upload) => this.limit(() => this.parse(store, upload, options)))
    const outcomes: ImportOutcome[] = []
    for (const [index, upload] of uploads.entries()) {
      const outcome = await this.commit(store, upload, await parsed[index]!, options)
      outcomes.push(outcome)
      options.onProgress?.({ done: outcomes.length, total: uploads.length, outcome })
    }
    return outcomes
  }

  /** The source already holding these bytes, the parsed document, or why the file is refused. */
  private async parse(
    store: NotebookStore,
    upload: FileUpload,
    options: ImportOptions,
  ): Promise<Source | Parsed | DomainError> {
    const fileName = upload.name
    try {
      if (options.signal?.aborted) throw new DomainError('cancelled', `${fileName}: import cancelled.`)
      const existing = this.checkUpload(store, upload)
      if (existing) return existing
      const format = formatOf(fileName)!
      const request = {
        name: fileName,
        bytes: upload.bytes,
        ...(options.fetched ? { url: options.fetched.url } : {}),
      }
      const extraction = HEAVY_FORMATS.has(format)
        ? await this.extractor.extract(request, options.signal)
        : extractPlainText(upload.bytes, fileName, format === 'md' ? 'md' : 'txt')
      return { ...extraction, analysis: await this.analyse(extraction.text, options.signal) }
    } catch (error) {
      if (error instanceof DomainError) return error
      throw error
    }
  }

  private async commit(
    store: NotebookStore,
    upload: FileUpload,
    parsed: Source | Parsed | DomainError,
    options: ImportOptions,
  ): Promise<ImportOutcome> {
    const fileName = upload.name
    const refuse = (error: DomainError): ImportOutcome => ({
      fileName,
      ok: false,
      code: error.code,
      error: error.message,
    })
    const duplicate = (source: Source): ImportOutcome => ({
      fileName,
      ok: true,
      sourceId: source.id,
      title: source.title,
      duplicate: true,
      nearDuplicates: [],
    })
    if (parsed instanceof DomainError) return refuse(parsed)
    if ('id' in parsed) return duplicate(parsed)
    if (options.signal?.aborted) return refuse(new DomainError('cancelled', `${fileName}: import cancelled.`))
    // Checked again: an earlier file of this same batch may have had these bytes.
    const sha = sha256Hex(upload.bytes)
    const existing = store.data.sources.find((s) => s.originalSha256 === sha)
    if (existing) return duplicate(existing)
    try {
      const source = await this.addSource(store, upload, parsed, options)
      return {
        fileName,
        ok: true,
        sourceId: source.id,
        title: source.title,
        duplicate: false,
        nearDuplicates: source.nearDuplicates,
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      // The store's own refusals (read-only, a failed save) do not know which file was being added.
      const named = error.message.includes(fileName)
        ? error
        : new DomainError(error.code, `${fileName} was not added: ${error.message}`)
      return refuse(named)
    }
  }

  /** Cheap checks before any parsing; returns the source already holding these exact bytes, if any. */
  private checkUpload(store: NotebookStore, upload: FileUpload): Source | undefined {
    if (!formatOf(upload.name)) {
      throw new DomainError(
        'unsupported-format',
        `${upload.name}: this kind of file cannot be imported (supported: ${SUPPORTED_EXTENSIONS.join(', ')}).`,
      )
    }
    if (upload.bytes.byteLength > MAX_IMPORT_BYTES) {
      throw new DomainError(
        'too-large',
        `${upload.name} is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB import limit.`,
      )
    }
    const sha = sha256Hex(upload.bytes)
    return store.data.sources.find((s) => s.originalSha256 === sha)
  }

  private async addSource(
    store: NotebookStore,
    upload: FileUpload,
    extraction: Parsed,
    options: ImportOptions,
  ): Promise<Source> {
    const { text, structure, metadata } = extraction
    const nearDuplicates = await this.duplicates.find(text, store.data.sources, (sha) => store.readText(sha))
    const originalSha256 = await store.putOriginal(upload.bytes)
    const textSha256 = await store.putText(text)
    if (structure) await store.putStructure(textSha256, structure)
    const suggested = suggestTitle(text)
    const source: Source = {
      id: randomUUID(),
      title: metadata.title.trim() || suggested.title,
      outlet: metadata.siteName.trim() || suggested.outlet,
      author: metadata.byline.trim(),
      published: metadata.published,
      url: options.fetched?.url ?? metadata.url,
      imported: new Date().toISOString(),
      retrieved: options.fetched?.retrieved ?? '',
      originalFileName: upload.name,
      format: extraction.format,
      originalSha256,
      textSha256,
      textLength: text.length,
      pages: structure?.blocks.reduce((max, b) => Math.max(max, b.page ?? 0), 0) ?? 0,
      nearDuplicates,
    }
    await store.update((data) => void data.sources.push(source))
    if (extraction.analysis) await storeAnalysis(store, textSha256, extraction.analysis)
    return source
  }

  /**
   * The text's analysis for the conflict finder, made in the worker pool while the file is being
   * imported, so the finder never has to; null if that fails (the finder then makes it itself).
   */
  private async analyse(text: string, signal?: AbortSignal): Promise<TextAnalysis | null> {
    if (!this.options.analyseTexts) return null
    try {
      return (await this.extractor.analyse([text], signal))[0] ?? null
    } catch {
      return null
    }
  }

  /** The worker pool, shared with other CPU-heavy work (the conflict finder). */
  get workers(): ExtractorPool {
    return this.extractor
  }

  close(): Promise<void> {
    return this.extractor.close()
  }
}
