/**
 * The attribution the bundled Citation Style Language files ask for (resources/csl): each is
 * licensed CC BY-SA 3.0 by its `<rights>` element, which asks for the title, the authors, the
 * source and the licence. Read from each file's `<info>` block, so a replaced style credits its own
 * people. The files are the CSL project's official ones, unchanged, so their markup is regular.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CslCredit, LicenceReport } from '../../src/shared/licences'

export const CSL_PROJECT = {
  project: 'the Citation Style Language project (CitationStyles.org)',
  projectUrl: 'https://citationstyles.org/',
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!).trim()

function attribute(tag: string, name: string): string {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return match ? decode(match[1]!) : ''
}

export function cslCredit(file: string, xml: string): CslCredit {
  const info = /<info>([\s\S]*?)<\/info>/.exec(xml)?.[1]
  if (!info) throw new Error(`${file} has no <info> block: not a CSL style or locale`)
  const title = /<title>([\s\S]*?)<\/title>/.exec(info)?.[1]
  const lang = attribute(/<locale\b[^>]*>/.exec(xml)?.[0] ?? '', 'xml:lang')
  const people = [...info.matchAll(/<(author|contributor|translator)>[\s\S]*?<name>([\s\S]*?)<\/name>/g)].map(
    (match) => decode(match[2]!),
  )
  const self = [...info.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => attribute(tag, 'rel') === 'self')
  const rightsTag = /<rights\b[^>]*>([\s\S]*?)<\/rights>/.exec(info)
  if (!rightsTag) throw new Error(`${file} states no <rights>: its licence is unknown`)
  return {
    file,
    title: title ? decode(title) : `CSL locale ${lang}`,
    people: [...new Set(people)],
    url: self ? attribute(self, 'href') : '',
    rights: decode(rightsTag[1]!),
    licenceUrl: attribute(rightsTag[0], 'license'),
  }
}

export function cslCredits(dir: string): LicenceReport['csl'] {
  const files = readdirSync(dir)
    .filter((file) => /\.(csl|xml)$/.test(file))
    .sort()
    .map((file) => cslCredit(file, readFileSync(join(dir, file), 'utf8')))
  return { ...CSL_PROJECT, files }
}
