/** The top bar: the notebook's name and the commands that act on the whole notebook. */
import type { ReactNode } from 'react'
import type { BriefFormat } from '../../../shared/ipc/payloads'

interface Props {
  notebookName: string
  notebookDir: string
  onImport(kind: 'files' | 'folder'): void
  onImportUrl(): void
  onPaste(): void
  onExport(format: BriefFormat): void
  onOpenNotebook(): void
  onNewNotebook(): void
  onShortcuts(): void
  onExportArchive(): void
  onExportJsonLd(): void
  onImportArchive(): void
  search: ReactNode
}

export function Toolbar(props: Props) {
  return (
    <header className="toolbar" role="toolbar" aria-label="Notebook">
      <div className="notebook-name" title={props.notebookDir}>
        <span className="app-name">Corroborate</span>
        <span>{props.notebookName}</span>
      </div>
      {props.search}
      <div className="toolbar-group">
        <button onClick={() => props.onImport('files')}>Import files…</button>
        <button onClick={() => props.onImport('folder')}>Import folder…</button>
        <button onClick={props.onImportUrl}>Import URL…</button>
        <button onClick={props.onPaste}>Paste text…</button>
      </div>
      <div className="toolbar-group" aria-label="Export brief">
        <span className="group-label">Export brief:</span>
        <button onClick={() => props.onExport('markdown')}>Markdown</button>
        <button onClick={() => props.onExport('html')}>HTML</button>
        <button onClick={() => props.onExport('docx')}>Word</button>
        <button onClick={() => props.onExport('pdf')}>PDF</button>
        <button onClick={props.onExportJsonLd} title="Every annotation as a W3C Web Annotation collection">
          JSON-LD
        </button>
      </div>
      <div className="toolbar-group">
        <button onClick={props.onOpenNotebook}>Open notebook…</button>
        <button onClick={props.onNewNotebook}>New notebook…</button>
        <button onClick={props.onExportArchive} title="The whole notebook as one file">
          Archive…
        </button>
        <button onClick={props.onImportArchive}>Import archive…</button>
        <button onClick={props.onShortcuts} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
      </div>
    </header>
  )
}
