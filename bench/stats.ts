/** Small timing helpers for the benchmarks: median, percentiles, formatted rows. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export const median = (values: readonly number[]) => percentile(values, 50)

export async function timeMs<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now()
  const result = await work()
  return [result, performance.now() - start]
}

export function row(cells: Array<string | number>, widths: number[]): string {
  return cells
    .map((cell, i) => {
      // Two decimals below 10 ms, so fast baselines do not print as 0.0.
      const text = typeof cell === 'number' ? cell.toFixed(cell < 10 ? 2 : 1) : cell
      return i === 0 ? text.padEnd(widths[i] ?? 12) : text.padStart(widths[i] ?? 12)
    })
    .join('  ')
}
