/**
 * Fetches a web page (or PDF/DOCX/text) the user asked to import: the only network request the app
 * ever makes. Only http(s); a size cap and a time limit; the final URL after redirects and the UTC
 * retrieval time are kept as provenance. Offline or failing, it says so plainly.
 */
import { MAX_IMPORT_BYTES } from '../../../shared/limits'
import type { FileUpload } from '../../../shared/ipc/payloads'
import { DomainError } from '../domain-error'

export const FETCH_TIMEOUT_MS = 30_000

const EXTENSION_BY_TYPE: Array<[RegExp, string]> = [
  [/^application\/pdf/, '.pdf'],
  [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml/, '.docx'],
  [/^text\/plain/, '.txt'],
  [/^text\/markdown/, '.md'],
  [/html|xml/, '.html'],
]

function fileNameFor(url: URL, contentType: string): string {
  const extension = EXTENSION_BY_TYPE.find(([pattern]) => pattern.test(contentType))?.[1] ?? '.html'
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '') || url.hostname
  const stem =
    last
      .replace(/\.[a-z0-9]{1,5}$/i, '')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .slice(0, 80) || 'page'
  return `${stem}${extension}`
}

async function readCapped(response: Response, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > MAX_IMPORT_BYTES)
    throw new DomainError('too-large', `${url} is larger than the import limit.`)
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength
    if (total > MAX_IMPORT_BYTES)
      throw new DomainError('too-large', `${url} is larger than the import limit.`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

export interface FetchedPage {
  upload: FileUpload
  url: string
  retrieved: string
}

export async function fetchForImport(address: string, signal?: AbortSignal): Promise<FetchedPage> {
  let url: URL
  try {
    url = new URL(address.trim())
  } catch {
    throw new DomainError('bad-url', `“${address}” is not a web address.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DomainError('bad-url', 'Only http and https addresses can be imported.')
  }
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS)
  let response: Response
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: { accept: 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5' },
    })
  } catch (error) {
    if (signal?.aborted) throw new DomainError('cancelled', 'Import cancelled.')
    if (timeout.aborted)
      throw new DomainError('fetch-failed', `${url.host} did not answer within ${FETCH_TIMEOUT_MS / 1000} s.`)
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message
    throw new DomainError(
      'fetch-failed',
      `Could not reach ${url.host} (${reason}). Are you offline? Nothing was imported.`,
    )
  }
  if (!response.ok) {
    throw new DomainError(
      'fetch-failed',
      `${url.host} answered ${response.status} ${response.statusText} for ${url.href}.`,
    )
  }
  const bytes = await readCapped(response, url.href)
  const finalUrl = new URL(response.url || url.href)
  return {
    upload: { name: fileNameFor(finalUrl, response.headers.get('content-type') ?? ''), bytes },
    url: finalUrl.href,
    retrieved: new Date().toISOString(),
  }
}
