/**
 * Where the main window opens: where it was last time, unless that place is no longer on any screen
 * (a monitor was unplugged, the resolution dropped). Pure: displays come in as their work areas.
 */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowPlacement {
  bounds: Rect
  isMaximized: boolean
}

export const DEFAULT_WINDOW_SIZE = { width: 1400, height: 900 }
export const MIN_WINDOW_SIZE = { width: 900, height: 600 }

/** How much of the window must show on one display to count as visible: enough to grab the title bar. */
const MIN_VISIBLE = { width: 200, height: 80 }

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const width = Math.min(a.x + a.width, b.x + b.width) - x
  const height = Math.min(a.y + a.height, b.y + b.height) - y
  return { x, y, width: Math.max(0, width), height: Math.max(0, height) }
}

function centredIn(area: Rect, size: { width: number; height: number }): Rect {
  const width = Math.min(Math.max(size.width, MIN_WINDOW_SIZE.width), area.width)
  const height = Math.min(Math.max(size.height, MIN_WINDOW_SIZE.height), area.height)
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  }
}

function clampInside(rect: Rect, area: Rect): Rect {
  const width = Math.min(Math.max(rect.width, MIN_WINDOW_SIZE.width), area.width)
  const height = Math.min(Math.max(rect.height, MIN_WINDOW_SIZE.height), area.height)
  const x = Math.min(Math.max(rect.x, area.x), area.x + area.width - width)
  const y = Math.min(Math.max(rect.y, area.y), area.y + area.height - height)
  return { x, y, width, height }
}

function isUsableRect(rect: Rect): boolean {
  return [rect.x, rect.y, rect.width, rect.height].every(Number.isFinite) && rect.width > 0 && rect.height > 0
}

/**
 * The bounds to open with. `workAreas[0]` is the primary display. A saved window that still shows
 * enough on some display stays on that display, moved and shrunk just enough to fit inside it;
 * otherwise it opens centred on the primary display, at its saved size if that fits.
 */
export function placeWindow(saved: WindowPlacement | null, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE }
  if (!saved || !isUsableRect(saved.bounds))
    return { bounds: centredIn(primary, DEFAULT_WINDOW_SIZE), isMaximized: saved?.isMaximized ?? false }

  let best: { area: Rect; visible: number } | null = null
  for (const area of workAreas) {
    const shown = overlap(saved.bounds, area)
    const visible = shown.width * shown.height
    if (
      shown.width >= MIN_VISIBLE.width &&
      shown.height >= MIN_VISIBLE.height &&
      visible > (best?.visible ?? 0)
    )
      best = { area, visible }
  }
  const bounds = best
    ? clampInside(saved.bounds, best.area)
    : centredIn(primary, { width: saved.bounds.width, height: saved.bounds.height })
  return { bounds, isMaximized: saved.isMaximized }
}
