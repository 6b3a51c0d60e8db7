/**
 * Help > Licences…: what the app is built on and under which terms, as the build wrote it
 * (scripts/licences → out/renderer/licences/licences.json). Read as a file of the page's own origin
 * (CSP connect-src 'self'), so it needs no IPC channel. The citeproc-js source offer comes first, as
 * its CPAL asks; then the credit the CSL styles ask for; then every package that ships, with its
 * own licence texts. Everything is rendered as text.
 */
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { LICENCES_FILE, type LicenceReport, type ShippedPackage } from '../../../shared/licences'
import { ModalDialog } from '../components/ModalDialog'
import './licences.css'

async function fetchReport(): Promise<LicenceReport> {
  const response = await fetch(LICENCES_FILE)
  if (!response.ok) throw new Error(`${LICENCES_FILE}: ${response.status}`)
  return (await response.json()) as LicenceReport
}

const WHERE: Record<ShippedPackage['shippedAs'][number], string> = {
  bundled: 'bundled into the app',
  node_modules: 'in node_modules',
}

function PackageEntry({ pkg }: { pkg: ShippedPackage }) {
  // Texts go into the page only once opened: some 170 packages' licences would make a heavy page.
  const [opened, setOpened] = useState(false)
  return (
    <li>
      <details onToggle={(event) => setOpened(event.currentTarget.open)}>
        <summary>
          <span className="licence-name">{pkg.name}</span> {pkg.version} —{' '}
          {pkg.licence || 'no licence declared'}
        </summary>
        {opened && <PackageTexts pkg={pkg} />}
      </details>
    </li>
  )
}

function PackageTexts({ pkg }: { pkg: ShippedPackage }) {
  return (
    <>
      <p className="licence-meta">
        Ships {pkg.shippedAs.map((where) => WHERE[where]).join(' and ')}
        {pkg.url && (
          <>
            ; from <code>{pkg.url}</code>
          </>
        )}
        .
      </p>
      {pkg.texts.map((text) => (
        <section key={text.file} aria-label={`${pkg.name}: ${text.file}`}>
          <h4>{text.file}</h4>
          <pre className="licence-text">{text.text}</pre>
        </section>
      ))}
    </>
  )
}

function LicenceReportView({ report }: { report: LicenceReport }) {
  const { app, csl } = report
  return (
    <div className="licences">
      <p>
        Corroborate {app.version} is licensed {app.licence}. It is built on the work of the people below,
        whose terms ask for these notices.
      </p>
      {report.sourceOffers.map((offer) => (
        <section key={offer.name} aria-labelledby={`offer-${offer.name}`}>
          <h3 id={`offer-${offer.name}`}>Source code of {offer.name}</h3>
          <p>{offer.notice}</p>
        </section>
      ))}
      <section aria-labelledby="csl-credit">
        <h3 id="csl-credit">Citation styles</h3>
        <p>
          The citation styles and locale are from {csl.project} (<code>{csl.projectUrl}</code>), unmodified.
        </p>
        <ul className="csl-credits">
          {csl.files.map((style) => (
            <li key={style.file}>
              <strong>{style.title}</strong>
              {style.url && (
                <>
                  {' '}
                  (<code>{style.url}</code>)
                </>
              )}
              , by {style.people.join(', ')}. {style.rights}: <code>{style.licenceUrl}</code>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="packages-heading">
        <h3 id="packages-heading">Software ({report.packages.length} packages)</h3>
        <ul className="licence-list">
          {report.packages.map((pkg) => (
            <PackageEntry key={`${pkg.name}@${pkg.version}`} pkg={pkg} />
          ))}
        </ul>
      </section>
    </div>
  )
}

function LicencesContent() {
  const report = useQuery({ queryKey: ['licences'], queryFn: fetchReport })
  if (report.isPending) return <p>Loading…</p>
  if (report.isError)
    return (
      <p role="alert">
        This copy has no licence list ({report.error.message}): it is written when the app is built (npm run
        build).
      </p>
    )
  return <LicenceReportView report={report.data} />
}

export function LicencesDialog() {
  const [open, setOpen] = useState(false)
  useEffect(
    () =>
      window.corroborate.events?.onEvent((event) => {
        if (event.type === 'menu' && event.command === 'licences') setOpen(true)
      }),
    [],
  )
  return (
    <ModalDialog title="Licences" open={open} onClose={() => setOpen(false)}>
      <LicencesContent />
      <div className="dialog-actions">
        <span className="spacer" />
        <button className="primary" onClick={() => setOpen(false)} autoFocus>
          Close
        </button>
      </div>
    </ModalDialog>
  )
}
