/** A native modal <dialog>: focus trapping, Escape to close and the backdrop come from the browser. */
import { useEffect, useRef, type ReactNode } from 'react'

interface Props {
  title: string
  open: boolean
  onClose(): void
  children: ReactNode
}

export function ModalDialog({ title, open, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog ref={ref} className="modal" aria-label={title} onClose={onClose}>
      <h2>{title}</h2>
      {open && children}
    </dialog>
  )
}
