/**
 * Files and folders dropped anywhere on the window are imported. The page reads none of their
 * bytes: each dropped item (a folder arrives as a File too) becomes a path through the preload, and
 * main reads the files and walks the folders, as it does for the import dialog.
 * Without this the browser (and Electron) would navigate to the dropped file, leaving the app.
 */
import { useEffect } from 'react'

export function useFileDrop(onFiles: (files: File[]) => void): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (event: DragEvent) => {
      event.preventDefault()
      const files = [...(event.dataTransfer?.files ?? [])]
      if (files.length > 0) onFiles(files)
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [onFiles])
}
