/**
 * The crash test's machinery: spawn the saving child, kill it with SIGKILL at a chosen moment, and
 * collect the saves it acknowledged before it died.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { parseAck } from './crash-protocol'

/**
 * When to kill: a delay after one of the child's milestones — its spawn, the line it prints just
 * before NotebookStore.open ('opening'), the one just after ('opened'), or its k-th acknowledgement.
 */
export type KillPlan =
  { after: 'spawn' | 'opening' | 'opened'; delayMs: number } | { after: 'ack'; ack: number; delayMs: number }

export interface ChildRun {
  acks: Array<{ id: string; n: number }>
  /** How far the child got: it began NotebookStore.open, and it finished it. */
  opening: boolean
  opened: boolean
  /** Milliseconds from spawn to 'opening': the cost of starting a child. */
  startMs: number | null
  /** Set when the child ended by itself (it crashed) instead of by our kill. */
  crashed: string | null
}

/** A child that never reaches its k-th ack (say it is stuck) is killed anyway after this long. */
const MAX_CHILD_MS = 5000

export function runUntilKilled(script: string, args: string[], plan: KillPlan): Promise<ChildRun> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  const spawned = performance.now()
  const run: ChildRun = { acks: [], opening: false, opened: false, startMs: null, crashed: null }
  let stderr = ''
  let killedByUs = false
  const kill = () => {
    killedByUs = true
    child.kill('SIGKILL')
  }
  const fallback = setTimeout(kill, plan.after === 'spawn' ? plan.delayMs : MAX_CHILD_MS)
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'opening') {
      run.opening = true
      run.startMs = performance.now() - spawned
    }
    if (line === 'opened') run.opened = true
    const ack = parseAck(line)
    if (ack) run.acks.push(ack)
    const reached = plan.after === 'ack' ? ack && run.acks.length === plan.ack : line === plan.after
    if (reached && plan.after !== 'spawn') setTimeout(kill, plan.delayMs)
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    // 'close', not 'exit': it fires once stdout is drained, so no ack still in the pipe is missed.
    child.on('close', (code, signal) => {
      clearTimeout(fallback)
      if (!killedByUs || signal !== 'SIGKILL') run.crashed = `exit ${code ?? signal}: ${stderr.trim()}`
      resolve(run)
    })
  })
}
