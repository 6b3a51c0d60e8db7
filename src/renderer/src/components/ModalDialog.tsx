/**
 * A native modal <dialog>: the browser makes the rest of the page inert, closes it on Escape and draws
 * the backdrop. We label it by its heading, keep Tab cycling inside it (the browser would let focus
 * out to its own chrome), and put focus back where it was when it opened.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

const FOCUSABLE = 'button, input, textarea, select, a[href], [tabindex]:not([tabindex="-1"])'

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.matches(':disabled') && el.offsetParent !== null,
  )
  const [first, last] = [controls[0], controls[controls.length - 1]]
  if (!first || !last) return
  const wrapTo = event.shiftKey
    ? document.activeElement === first && last
    : document.activeElement === last && first
  if (!wrapTo) return
  event.preventDefault()
  wrapTo.focus()
}

interface Props {
  title: string
  open: boolean
  onClose(): void
  children: ReactNode
}

export function ModalDialog({ title, open, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const opener = useRef<HTMLElement | null>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      dialog.showModal()
    }
    if (!open && dialog.open) dialog.close()
  }, [open])
  const restoreFocus = () => {
    const target = opener.current
    opener.current = null
    if (target?.isConnected && target !== document.body) target.focus()
  }
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      aria-modal="true"
      onKeyDown={trapTab}
      onClose={() => {
        restoreFocus()
        onClose()
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {open && children}
    </dialog>
  )
}
