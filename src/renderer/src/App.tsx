/** The main view: library, reader and annotations side by side, with the toolbar above. */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { anchorTarget, type Anchor } from '../../shared/anchoring'
import type { AnnotationKind } from '../../shared/model'
import { errorMessage } from './api'
import { useAppCommands } from './commands'
import { AnnotationPanel } from './components/AnnotationPanel'
import { LibraryPane } from './components/LibraryPane'
import { PasteDialog } from './components/PasteDialog'
import { ReaderPane } from './components/ReaderPane'
import { SourceDialog } from './components/SourceDialog'
import { Toolbar } from './components/Toolbar'
import { UrlDialog } from './components/UrlDialog'
import { ImportPanel } from './components/ImportPanel'
import { ImportJobsProvider } from './import-jobs'
import { NoticeProvider, useNotify } from './notices'
import { useEdit } from './edits'
import { BriefView } from './views/BriefView'
import { ClaimsView } from './views/ClaimsView'
import { CodebookView } from './views/CodebookView'
import { ConflictsView } from './views/ConflictsView'
import { useTagFilter } from './views/use-tag-filter'
import { MatrixView } from './views/MatrixView'
import { ViewPanel, ViewTabs, type View } from './views/ViewTabs'
import { useNotebook, useSourceContent } from './queries'
import { isTextField, UndoProvider, useUndo } from './undo'
import { useAnnotationKeys } from './use-annotation-keys'
import { ShortcutsDialog } from './components/ShortcutsDialog'
import { SearchBox } from './components/SearchBox'
import type { SearchHit } from '../../shared/search'
import { useFileDrop } from './use-file-drop'
import { BusyPanel, BusyTasksProvider } from './busy-tasks'
import { NotebookHealth } from './storage/NotebookHealth'
import { LicencesDialog } from './licences/LicencesDialog'
import { useTheme } from './theme/use-theme'
import type { DeletedSource } from '../../shared/ipc/payloads'

export function App() {
  return (
    <NoticeProvider>
      <UndoProvider>
        <ImportJobsProvider>
          <BusyTasksProvider>
            <Workspace />
          </BusyTasksProvider>
        </ImportJobsProvider>
      </UndoProvider>
    </NoticeProvider>
  )
}

function Workspace() {
  const notify = useNotify()
  const notebook = useNotebook()
  const [selectedSourceId, setSelectedSourceId] = useState<string | null>(null)
  const [selectedAnnotationId, setSelectedAnnotationId] = useState<string | null>(null)
  const [justCreatedId, setJustCreatedId] = useState<string | null>(null)
  const [editingSourceId, setEditingSourceId] = useState<string | null>(null)
  const [pasting, setPasting] = useState(false)
  const [askingUrl, setAskingUrl] = useState(false)
  const [view, setView] = useState<View>('read')
  const [selectedClaimId, setSelectedClaimId] = useState<string | null>(null)
  const [tagFilter, setTagFilter] = useState<string | null>(null)
  const [showingShortcuts, setShowingShortcuts] = useState(false)
  const [reveal, setReveal] = useState<{ start: number; end: number; nonce: number } | null>(null)
  const edit = useEdit()
  const { undo } = useUndo()
  const [theme, setTheme] = useTheme()

  const filtered = useTagFilter(notebook.data, tagFilter)
  const sources = useMemo(() => filtered?.sources ?? [], [filtered])
  const sourceId = sources.some((s) => s.id === selectedSourceId)
    ? selectedSourceId
    : (sources[0]?.id ?? null)
  const source = sources.find((s) => s.id === sourceId) ?? null
  const content = useSourceContent(sourceId)
  const text = content.data?.text

  const annotations = useMemo(
    () => (filtered?.annotations ?? []).filter((a) => a.sourceId === sourceId),
    [filtered, sourceId],
  )
  const anchors = useMemo(() => {
    const map = new Map<string, Anchor>()
    if (text !== undefined) for (const a of annotations) map.set(a.id, anchorTarget(text, a.target))
    return map
  }, [annotations, text])
  const orderedIds = useMemo(() => {
    const at = (id: string) => {
      const anchor = anchors.get(id)
      return anchor && anchor.status !== 'orphan' ? anchor.start : Number.MAX_SAFE_INTEGER
    }
    return annotations.map((a) => a.id).sort((a, b) => at(a) - at(b))
  }, [annotations, anchors])
  const annotationCounts = useMemo(() => {
    const counts = new Map<string, number>()
    for (const a of notebook.data?.annotations ?? [])
      counts.set(a.sourceId, (counts.get(a.sourceId) ?? 0) + 1)
    return counts
  }, [notebook.data])

  const openAnnotation = useCallback(
    (annotationId: string) => {
      const annotation = notebook.data?.annotations.find((a) => a.id === annotationId)
      if (!annotation) return
      setSelectedSourceId(annotation.sourceId)
      setSelectedAnnotationId(annotationId)
      setView('read')
    },
    [notebook.data],
  )

  const showClaim = (id: string) => {
    setSelectedClaimId(id)
    setView('claims')
  }

  const openHit = (hit: SearchHit) => {
    if (hit.type === 'claim') {
      showClaim(hit.id)
    } else if (hit.type === 'annotation') {
      openAnnotation(hit.id)
    } else if (hit.sourceId) {
      setTagFilter(null)
      setSelectedSourceId(hit.sourceId)
      setSelectedAnnotationId(null)
      setView('read')
      if (hit.match) setReveal({ ...hit.match, nonce: Date.now() })
    }
  }

  const openSource = useCallback((id: string | null) => {
    setSelectedSourceId(id)
    setSelectedAnnotationId(null)
  }, [])
  const commands = useAppCommands(openSource, openAnnotation)
  const { undo: undoEdit, redo: redoEdit } = useUndo()
  useAnnotationKeys(orderedIds, selectedAnnotationId, setSelectedAnnotationId, view === 'read')
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !isTextField(event.target)) setShowingShortcuts(true)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  useFileDrop(commands.importFiles)

  useEffect(
    () =>
      window.corroborate.events?.onEvent((event) => {
        if (event.type !== 'menu') return
        const command = event.command
        if (command === 'import-files') void commands.importDialog('files')
        else if (command === 'import-folder') void commands.importDialog('folder')
        else if (command === 'import-url') setAskingUrl(true)
        else if (command === 'paste-text') setPasting(true)
        else if (command === 'export-markdown') void commands.exportBrief('markdown')
        else if (command === 'export-html') void commands.exportBrief('html')
        else if (command === 'export-docx') void commands.exportBrief('docx')
        else if (command === 'export-pdf') void commands.exportBrief('pdf')
        else if (command === 'export-csv') void commands.exportCsv()
        else if (command === 'export-jsonld') void commands.exportJsonLd()
        else if (command === 'export-archive') void commands.exportArchive()
        else if (command === 'import-archive') void commands.importArchive()
        else if (command === 'open-notebook') void commands.openNotebook()
        else if (command === 'new-notebook') void commands.newNotebook()
        // The native Edit menu owns Ctrl/Cmd+Z: text fields keep their own undo, the rest is ours.
        else if (command === 'undo')
          void (isTextField(document.activeElement) ? document.execCommand('undo') : undoEdit())
        else if (command === 'redo')
          void (isTextField(document.activeElement) ? document.execCommand('redo') : redoEdit())
        else if (command === 'shortcuts') setShowingShortcuts(true)
      }),
    [commands, undoEdit, redoEdit],
  )

  const onCreate = async (kind: AnnotationKind, range: { start: number; end: number }) => {
    if (!sourceId) return
    try {
      const created = await edit(
        `Create ${kind}`,
        'annotations:create',
        [{ sourceId, kind, ...range, comment: '', tags: [] }],
        (made) => ['annotations:delete', made.id],
        (made) => ['annotations:restore', made],
      )
      setSelectedAnnotationId(created.id)
      setJustCreatedId(created.id)
    } catch (error) {
      notify({ tone: 'error', text: errorMessage(error) })
    }
  }

  const onSourceDeleted = (deleted: DeletedSource) => {
    setEditingSourceId(null)
    const count = deleted.annotations.length
    notify({
      tone: 'info',
      text: `Removed “${deleted.source.title}”${count ? ` and its ${count} annotation${count === 1 ? '' : 's'}` : ''}.`,
      action: { label: 'Undo', run: () => void undo() },
    })
  }

  if (notebook.isError) {
    return (
      <div className="fatal" role="alert">
        <h1>The notebook could not be opened</h1>
        <p>{errorMessage(notebook.error)}</p>
        <button onClick={() => void commands.openNotebook()}>Open another notebook…</button>
      </div>
    )
  }

  return (
    <div className="app">
      <Toolbar
        notebookName={notebook.data?.meta.name ?? 'Loading…'}
        notebookDir={notebook.data?.dir ?? ''}
        onImport={(kind) => void commands.importDialog(kind)}
        onImportUrl={() => setAskingUrl(true)}
        onPaste={() => setPasting(true)}
        onExport={(format) => void commands.exportBrief(format)}
        onOpenNotebook={() => void commands.openNotebook()}
        onNewNotebook={() => void commands.newNotebook()}
        onShortcuts={() => setShowingShortcuts(true)}
        onExportArchive={() => void commands.exportArchive()}
        onExportJsonLd={() => void commands.exportJsonLd()}
        onImportArchive={() => void commands.importArchive()}
        theme={theme}
        onTheme={setTheme}
        search={
          <SearchBox
            tags={notebook.data?.tags ?? []}
            sources={notebook.data?.sources ?? []}
            onOpen={openHit}
          />
        }
      />
      <main className="workspace" aria-label="Workspace">
        <ViewTabs view={view} onChange={setView} claimCount={notebook.data?.claims.length ?? 0}>
          {tagFilter && (
            <span className="tag-filter" role="status">
              Showing only “{notebook.data?.tags.find((t) => t.id === tagFilter)?.name}”
              <button aria-label="Clear tag filter" onClick={() => setTagFilter(null)}>
                ×
              </button>
            </span>
          )}
        </ViewTabs>
        {view === 'brief' && notebook.data && (
          <ViewPanel view="brief">
            <BriefView
              notebook={notebook.data}
              onExport={(id, format) => void commands.exportDraft(id, format)}
            />
          </ViewPanel>
        )}
        {view === 'conflicts' && notebook.data && (
          <ViewPanel view="conflicts">
            <ConflictsView notebook={notebook.data} onClaimMade={showClaim} />
          </ViewPanel>
        )}
        {view === 'codebook' && notebook.data && (
          <ViewPanel view="codebook">
            <CodebookView
              notebook={notebook.data}
              onFilterByTag={(id) => {
                setTagFilter(id)
                setView('read')
              }}
            />
          </ViewPanel>
        )}
        {view === 'claims' && notebook.data && (
          <ViewPanel view="claims">
            <ClaimsView
              notebook={filtered ? { ...notebook.data, claims: filtered.claims } : notebook.data}
              selectedClaimId={selectedClaimId}
              onSelectClaim={setSelectedClaimId}
              onOpenAnnotation={openAnnotation}
            />
          </ViewPanel>
        )}
        {view === 'matrix' && notebook.data && (
          <ViewPanel view="matrix">
            <MatrixView
              notebook={notebook.data}
              onOpenAnnotation={openAnnotation}
              onSelectClaim={showClaim}
              onExportCsv={() => void commands.exportCsv()}
            />
          </ViewPanel>
        )}
        <div
          className="panes"
          id="view-read"
          role="tabpanel"
          aria-labelledby="tab-read"
          hidden={view !== 'read'}
        >
          <LibraryPane
            sources={sources}
            annotationCounts={annotationCounts}
            selectedId={sourceId}
            onSelect={openSource}
            onEdit={setEditingSourceId}
          />
          {source && content.data ? (
            <ReaderPane
              source={source}
              text={content.data.text}
              structure={content.data.structure}
              annotations={annotations}
              anchors={anchors}
              selectedAnnotationId={selectedAnnotationId}
              onSelectAnnotation={setSelectedAnnotationId}
              onCreate={(kind, range) => void onCreate(kind, range)}
              onEditSource={() => setEditingSourceId(source.id)}
              reveal={reveal}
            />
          ) : (
            <section className="pane reader empty-reader" aria-label="Reader">
              <p className="empty">
                {content.isError
                  ? errorMessage(content.error)
                  : source
                    ? 'Loading…'
                    : 'Import an article to start reading: see the Library for how.'}
              </p>
            </section>
          )}
          <AnnotationPanel
            annotations={annotations}
            anchors={anchors}
            tags={notebook.data?.tags ?? []}
            selectedId={selectedAnnotationId}
            justCreatedId={justCreatedId}
            onSelect={setSelectedAnnotationId}
          />
        </div>
      </main>
      <SourceDialog
        source={sources.find((s) => s.id === editingSourceId) ?? null}
        onClose={() => setEditingSourceId(null)}
        onDeleted={onSourceDeleted}
      />
      <PasteDialog open={pasting} onClose={() => setPasting(false)} onImported={openSource} />
      <UrlDialog
        open={askingUrl}
        onClose={() => setAskingUrl(false)}
        onImport={(url) => void commands.importUrl(url)}
      />
      <ImportPanel />
      <BusyPanel />
      <NotebookHealth />
      <LicencesDialog />
      <ShortcutsDialog open={showingShortcuts} onClose={() => setShowingShortcuts(false)} />
    </div>
  )
}
