/** What the store tells the analyst about the notebook it opened: why it is read-only, what it set aside. */
export type StoreProblem =
  | { kind: 'quarantined'; file: string; message: string; quarantineFile: string }
  | { kind: 'damaged-file'; file: string; message: string }
  | { kind: 'newer-version'; message: string }
  | { kind: 'locked'; message: string }
  | { kind: 'migrated'; message: string; backupId: string }
  | { kind: 'recovered'; message: string }
  | { kind: 'save-failed'; message: string }

export interface StoreStatus {
  dir: string
  /** Why nothing can be saved, or null when the notebook is writable. */
  readOnly: string | null
  problems: StoreProblem[]
  saving: boolean
}
