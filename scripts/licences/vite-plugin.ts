/**
 * Generates the licence report at build time. electron-vite builds main, preload and renderer in that
 * order, in one process, with one config: `collect` notes the modules each bundle really holds
 * (those with code left after tree-shaking), and `write`, last in the renderer's build, writes the
 * report into the renderer's output (out/renderer/licences), where the page can read it.
 */
import type { Plugin } from 'vite'
import { buildLicenceReport, writeLicences } from './licence-report'

export type BuildTarget = 'main' | 'preload' | 'renderer'

export function licenceReport(options: { root: string; excluded: readonly string[] }): {
  collect(target: BuildTarget): Plugin
  write(): Plugin
} {
  const moduleIds = new Set<string>()
  const built = new Set<BuildTarget>()
  return {
    collect: (target) => ({
      name: `corroborate-licences-collect-${target}`,
      apply: 'build',
      generateBundle(_options, bundle) {
        for (const output of Object.values(bundle)) {
          if (output.type !== 'chunk') continue
          for (const [id, module] of Object.entries(output.modules))
            if (module.renderedLength > 0) moduleIds.add(id)
        }
        built.add(target)
      },
    }),
    write: () => ({
      name: 'corroborate-licences-write',
      apply: 'build',
      writeBundle(output) {
        const missing = (['main', 'preload', 'renderer'] as const).filter((target) => !built.has(target))
        if (missing.length > 0)
          throw new Error(
            `licence report: no modules collected from ${missing.join(', ')} (build them first)`,
          )
        if (!output.dir) throw new Error('licence report: the renderer build has no output folder')
        const report = buildLicenceReport({
          root: options.root,
          bundledModuleIds: moduleIds,
          excluded: options.excluded,
        })
        writeLicences(report, options.root, output.dir)
      },
    }),
  }
}
