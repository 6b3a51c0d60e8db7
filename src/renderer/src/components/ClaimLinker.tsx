/**
 * Links an annotation to a claim, with how this source stands on it and whom it credits: pick an
 * existing claim or word a new one. Also lists the claims this annotation already serves.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { Annotation, Stance } from '../../../shared/model'
import { errorMessage } from '../api'
import { useEdit } from '../edits'
import { useNotify } from '../notices'
import { useNotebook } from '../queries'

const NEW = '__new__'
export const STANCES: Stance[] = ['supports', 'contradicts', 'mentions']

export function ClaimLinker({ annotation }: { annotation: Annotation }) {
  const notebook = useNotebook()
  const edit = useEdit()
  const notify = useNotify()
  const formId = useId()
  const claims = notebook.data?.claims ?? []
  const linked = claims.filter((c) => c.links.some((l) => l.annotationId === annotation.id))
  const [open, setOpen] = useState(false)
  const [claimId, setClaimId] = useState(NEW)
  const [statement, setStatement] = useState(annotation.comment)
  const [stance, setStance] = useState<Stance>('supports')
  const [attributedTo, setAttributedTo] = useState('')
  // When the form closes, focus goes back to the button that opened it, not to the page.
  const toggle = useRef<HTMLButtonElement>(null)
  const refocus = useRef(false)
  useEffect(() => {
    if (open || !refocus.current) return
    refocus.current = false
    toggle.current?.focus()
  }, [open])
  const close = () => {
    refocus.current = true
    setOpen(false)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const link = { annotationId: annotation.id, stance, attributedTo: attributedTo.trim() }
    try {
      if (claimId === NEW) {
        await edit(
          'Create claim',
          'claims:create',
          [{ statement, links: [link] }],
          (claim) => ['claims:delete', claim.id],
          (claim) => ['claims:restore', claim],
        )
      } else {
        const claim = claims.find((c) => c.id === claimId)!
        const previous = claim.links.find((l) => l.annotationId === annotation.id)
        await edit('Link to claim', 'claims:link', [claimId, link], () =>
          previous ? ['claims:link', claimId, previous] : ['claims:unlink', claimId, annotation.id],
        )
      }
      close()
    } catch (error) {
      notify({ tone: 'error', text: errorMessage(error) })
    }
  }

  const unlink = (id: string) => {
    const previous = claims.find((c) => c.id === id)?.links.find((l) => l.annotationId === annotation.id)
    if (!previous) return
    void edit('Unlink from claim', 'claims:unlink', [id, annotation.id], () => [
      'claims:link',
      id,
      previous,
    ]).catch((error: unknown) => notify({ tone: 'error', text: errorMessage(error) }))
  }

  return (
    <div className="claim-linker">
      {linked.length > 0 && (
        <ul className="linked-claims" aria-label="Linked claims">
          {linked.map((claim) => {
            const link = claim.links.find((l) => l.annotationId === annotation.id)!
            return (
              <li key={claim.id}>
                <span className={`stance stance-${link.stance}`}>{link.stance}</span> {claim.statement}
                {link.attributedTo && <span className="attribution"> (per {link.attributedTo})</span>}
                <button
                  className="link-button"
                  onClick={() => unlink(claim.id)}
                  aria-label={`Unlink from ${claim.statement}`}
                >
                  Unlink
                </button>
              </li>
            )
          })}
        </ul>
      )}
      {!open ? (
        <button ref={toggle} onClick={() => setOpen(true)}>
          Link to claim…{' '}
        </button>
      ) : (
        <form
          id={formId}
          className="link-form"
          onSubmit={(e) => void submit(e)}
          aria-label="Link to claim"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return
            e.preventDefault()
            close()
          }}
        >
          <label className="field">
            <span>Claim</span>
            <select value={claimId} onChange={(e) => setClaimId(e.target.value)} autoFocus>
              <option value={NEW}>New claim…</option>
              {claims.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.statement}
                </option>
              ))}
            </select>
          </label>
          {claimId === NEW && (
            <label className="field">
              <span>Statement</span>
              <input
                value={statement}
                onChange={(e) => setStatement(e.target.value)}
                placeholder="Word the claim…"
              />
            </label>
          )}
          <label className="field">
            <span>Stance</span>
            <select value={stance} onChange={(e) => setStance(e.target.value as Stance)}>
              {STANCES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Attributed to</span>
            <input
              value={attributedTo}
              onChange={(e) => setAttributedTo(e.target.value)}
              placeholder="e.g. John Kirby, White House"
            />
          </label>
          <div className="card-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={claimId === NEW && !statement.trim()}>
              Link
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
