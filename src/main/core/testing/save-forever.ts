/**
 * The crash test's child: saves annotations through the real store, forever, until it is killed.
 * Each round creates one annotation and updates up to two others (concurrently, so saves coalesce),
 * and prints `ack <id> <n>` only once that save's promise resolved — the app's promise to the user.
 *
 *   node save-forever.mjs <notebook dir> <generation> [--ack-early]
 *
 * `--ack-early` is the broken writer the test must catch: it acknowledges before the save is done.
 */
import { createAnnotation, updateAnnotation } from '../annotations'
import { NotebookStore } from '../notebook-store'
import { ackLine, commentFor, rangeFor, tagsFor } from './crash-protocol'

const [dir, generationArg, flag] = process.argv.slice(2)
if (!dir || !generationArg) throw new Error('usage: save-forever <notebook dir> <generation> [--ack-early]')
const generation = Number(generationArg)
const ackEarly = flag === '--ack-early'

// An orphan (its test gone) must not save forever.
setTimeout(() => process.exit(3), 30_000).unref()
// The test shows stderr when a child dies on its own: the message, not a line of minified bundle.
process.on('uncaughtException', (error) => {
  process.stderr.write(`save-forever failed: ${error.name}: ${error.message}\n`)
  process.exit(1)
})

// Printed around the open so the test can aim kills at it.
process.stdout.write('opening\n')
const store = await NotebookStore.open(dir)
process.stdout.write('opened\n')
const texts = new Map<string, string>()
for (const source of store.data.sources) texts.set(source.id, await store.readText(source.textSha256))
if (texts.size === 0) throw new Error(`${dir} has no source to annotate`)

let n = 0
let random = generation * 2654435761 + 1
const next = () => (random = (Math.imul(random, 48271) >>> 0) % 2147483647) / 2147483647

/** Runs one save and prints its ack after it resolved (or, when broken on purpose, before). */
async function save(work: (n: number) => Promise<{ id: string }>, knownId?: string): Promise<void> {
  const number = ++n
  if (ackEarly && knownId) process.stdout.write(ackLine(knownId, number))
  const { id } = await work(number)
  if (!(ackEarly && knownId)) process.stdout.write(ackLine(id, number))
}

for (;;) {
  const sources = store.data.sources
  const source = sources[Math.floor(next() * sources.length)]!
  const text = texts.get(source.id)!
  const existing = store.data.annotations
  const targets = new Set<string>()
  const wanted = Math.floor(next() * 3)
  for (let i = 0; i < wanted && existing.length > 0; i++)
    targets.add(existing[Math.floor(next() * existing.length)]!.id)
  await Promise.all([
    save((number) => {
      const version = { generation, n: number }
      const { start, end } = rangeFor(version, text.length)
      const kind = number % 2 ? 'claim' : 'note'
      return createAnnotation(store, {
        sourceId: source.id,
        kind,
        start,
        end,
        comment: commentFor(version),
        tags: tagsFor(version),
      })
    }),
    ...[...targets].map((id) =>
      save((number) => {
        const version = { generation, n: number }
        return updateAnnotation(store, id, { comment: commentFor(version), tags: tagsFor(version) })
      }, id),
    ),
  ])
}
