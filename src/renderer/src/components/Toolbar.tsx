/**
 * The top bar: the notebook's name, search, the commands that act on the whole notebook (an ARIA
 * toolbar: one Tab stop, arrow keys inside) and the theme.
 */
import { useRef, type ReactNode } from 'react'
import type { BriefFormat } from '../../../shared/ipc/payloads'
import { ThemePicker } from '../theme/ThemePicker'
import type { ThemeChoice } from '../theme/theme'
import { useRovingFocus } from '../use-roving-focus'

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
  theme: ThemeChoice
  onTheme(choice: ThemeChoice): void
}

export function Toolbar(props: Props) {
  const commands = useRef<HTMLDivElement>(null)
  const roving = useRovingFocus(commands)
  return (
    <header className="toolbar">
      <div className="notebook-name" title={props.notebookDir}>
        <span className="app-name">Corroborate</span>
        <span>{props.notebookName}</span>
      </div>
      <div role="search" className="search-landmark">
        {props.search}
      </div>
      <div
        className="toolbar-commands"
        role="toolbar"
        aria-label="Notebook"
        ref={commands}
        onFocus={roving.onFocus}
        onKeyDown={roving.onKeyDown}
      >
        <div className="toolbar-group" role="group" aria-label="Import">
          <button onClick={() => props.onImport('files')}>Import files…</button>
          <button onClick={() => props.onImport('folder')}>Import folder…</button>
          <button onClick={props.onImportUrl}>Import URL…</button>
          <button onClick={props.onPaste}>Paste text…</button>
        </div>
        <div className="toolbar-group" role="group" aria-label="Export brief">
          <span className="group-label" aria-hidden="true">
            Export brief:
          </span>
          <button onClick={() => props.onExport('markdown')}>Markdown</button>
          <button onClick={() => props.onExport('html')}>HTML</button>
          <button onClick={() => props.onExport('docx')}>Word</button>
          <button onClick={() => props.onExport('pdf')}>PDF</button>
          <button onClick={props.onExportJsonLd} title="Every annotation as a W3C Web Annotation collection">
            JSON-LD
          </button>
        </div>
        <div className="toolbar-group" role="group" aria-label="Notebook file">
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
      </div>
      <ThemePicker choice={props.theme} onChoose={props.onTheme} />
    </header>
  )
}
