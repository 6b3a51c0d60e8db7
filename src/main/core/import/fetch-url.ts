/**
 * Fetches a web page (or PDF/DOCX/text) the user asked to import: the only network request the app
 * ever makes. Only http(s), at every redirect too; a size cap and a time limit; the final URL after
 * redirects and the UTC retrieval time are kept as provenance. Offline or failing, it says so plainly.
 */
import { MAX_IMPORT_BYTES } from '../../../shared/limits'
import type { FileUpload } from '../../../shared/ipc/payloads'
import { DomainError } from '../domain-error'

export const FETCH_TIMEOUT_MS = 30_000
/** As many as the Fetch standard allows before it gives up. */
export const MAX_REDIRECTS = 20

/**
 * The network, as a port shaped like `fetch`: Node's fetch in tests, Chromium's network stack in the
 * app (electron/url-fetch.ts). It is called with `redirect: 'manual'` and must answer a redirect as
 * the 3xx response it is, with its Location, as Node's fetch does: redirects are followed here, so
 * each hop is checked and the final address is known (Electron's fetch cannot report it).
 */
export type ImportFetch = (url: string, init: RequestInit) => Promise<Response>

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

function webAddress(address: string, base?: URL): URL {
  let url: URL
  try {
    url = new URL(address.trim(), base)
  } catch {
    throw new DomainError('bad-url', `“${address}” is not a web address.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DomainError(
      'bad-url',
      base
        ? `${base.host} redirected to a ${url.protocol} address; only http and https addresses can be imported.`
        : 'Only http and https addresses can be imported.',
    )
  }
  return url
}

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
  if (declared > MAX_IMPORT_BYTES) {
    await response.body?.cancel()
    throw new DomainError('too-large', `${url} is larger than the import limit.`)
  }
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

export async function fetchForImport(
  address: string,
  signal?: AbortSignal,
  port: ImportFetch = fetch,
): Promise<FetchedPage> {
  let url = webAddress(address)
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS)
  const failed = (error: unknown) => {
    if (signal?.aborted) return new DomainError('cancelled', 'Import cancelled.')
    if (timeout.aborted)
      return new DomainError(
        'fetch-failed',
        `${url.host} did not answer within ${FETCH_TIMEOUT_MS / 1000} s.`,
      )
    if (error instanceof DomainError) return error
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message
    return new DomainError(
      'fetch-failed',
      `Could not reach ${url.host} (${reason}). Are you offline? Nothing was imported.`,
    )
  }
  const init: RequestInit = {
    redirect: 'manual',
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    headers: { accept: 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5' },
  }
  let response: Response
  try {
    for (let redirects = 0; ; redirects++) {
      response = await port(url.href, init)
      const location = response.headers.get('location')
      if (!REDIRECT_STATUSES.has(response.status) || location === null) break
      await response.body?.cancel()
      if (redirects === MAX_REDIRECTS)
        throw new DomainError('fetch-failed', `${url.host} redirected more than ${MAX_REDIRECTS} times.`)
      url = webAddress(location, url)
    }
  } catch (error) {
    throw failed(error)
  }
  if (!response.ok) {
    throw new DomainError(
      'fetch-failed',
      `${url.host} answered ${response.status} ${response.statusText} for ${url.href}.`,
    )
  }
  let bytes: Uint8Array
  try {
    bytes = await readCapped(response, url.href)
  } catch (error) {
    throw failed(error)
  }
  return {
    upload: { name: fileNameFor(url, response.headers.get('content-type') ?? ''), bytes },
    url: url.href,
    retrieved: new Date().toISOString(),
  }
}
