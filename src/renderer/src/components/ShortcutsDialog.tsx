/** The keyboard shortcuts sheet (press ? anywhere outside a text field). */
import { ModalDialog } from './ModalDialog'

export const SHORTCUTS: Array<[string, string]> = [
  ['Tab into the text', 'A caret, to select without a mouse'],
  ['← / →, Ctrl+← / →', 'In the text: move the caret a character, a word'],
  ['↑ / ↓, Home / End', 'In the text: a line; the line’s start or end (Ctrl: the text’s)'],
  ['Shift + any of those', 'In the text: select as the caret moves'],
  ['C', 'Make the selected words a claim'],
  ['N', 'Make the selected words a note'],
  ['J / K', 'Next / previous annotation'],
  ['T', 'Tag the current annotation (type, Enter; suggestions as you type)'],
  ['L', 'Link the current annotation to a claim'],
  ['/', 'Search the notebook'],
  ['Alt+1 … Alt+6', 'Read, Claims, Matrix, Brief, Codebook, Conflicts'],
  ['Alt+↑ / Alt+↓', 'Move a brief item up or down'],
  ['Ctrl/Cmd+Z', 'Undo the last edit'],
  ['Ctrl/Cmd+Shift+Z or Ctrl+Y', 'Redo'],
  ['Ctrl/Cmd+I', 'Import files'],
  ['Ctrl/Cmd+E', 'Export the brief as Markdown'],
  ['?', 'This sheet'],
  ['← / → in the toolbar or the view tabs', 'Move between its buttons (Home / End: first, last)'],
  ['Esc', 'Close a dialog; drop the selection in the text'],
]

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" open={open} onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <span className="spacer" />
        <button className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </ModalDialog>
  )
}
