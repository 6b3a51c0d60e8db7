/**
 * A file name derived from the notebook name that every desktop file system accepts: no path
 * separators or characters Windows forbids, no control characters, no reserved device names.
 */
const FORBIDDEN = /[<>:"/\\|?*\p{Cc}]+/gu
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i
/** Well under the usual 255-byte limit even when every character takes several UTF-8 bytes. */
const MAX_STEM_LENGTH = 80

export function briefFileName(notebookName: string, extension: 'md' | 'html' | 'docx'): string {
  const cleaned = notebookName
    .normalize('NFC')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_STEM_LENGTH)
    // Windows drops trailing dots and spaces, and a leading dot hides the file elsewhere.
    .replace(/^[.\s]+|[.\s]+$/g, '')
  const stem = !cleaned ? 'brief' : WINDOWS_RESERVED.test(cleaned) ? `${cleaned} brief` : cleaned
  return `${stem}.${extension}`
}
