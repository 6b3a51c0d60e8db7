import { describe, expect, it } from 'vitest'
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, placeWindow, type Rect } from './window-bounds'

const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 }
const MONITOR_RIGHT: Rect = { x: 1440, y: 0, width: 2560, height: 1415 }

function inside(rect: Rect, area: Rect): boolean {
  return (
    rect.x >= area.x &&
    rect.y >= area.y &&
    rect.x + rect.width <= area.x + area.width &&
    rect.y + rect.height <= area.y + area.height
  )
}

describe('placeWindow', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    const { bounds, isMaximized } = placeWindow(null, [LAPTOP, MONITOR_RIGHT])
    expect(isMaximized).toBe(false)
    expect(inside(bounds, LAPTOP)).toBe(true)
    expect(bounds.width).toBe(DEFAULT_WINDOW_SIZE.width)
    expect(bounds.x - LAPTOP.x).toBe(LAPTOP.x + LAPTOP.width - (bounds.x + bounds.width))
  })

  it('restores a window that still fits where it was, exactly', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1800, height: 1100 }, isMaximized: false }
    expect(placeWindow(saved, [LAPTOP, MONITOR_RIGHT])).toEqual(saved)
  })

  it('keeps the maximized state', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1800, height: 1100 }, isMaximized: true }
    expect(placeWindow(saved, [LAPTOP, MONITOR_RIGHT]).isMaximized).toBe(true)
  })

  it('moves a window from an unplugged monitor onto the primary display', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, isMaximized: false }
    const { bounds } = placeWindow(saved, [LAPTOP])
    expect(inside(bounds, LAPTOP)).toBe(true)
    expect(bounds).toMatchObject({ width: 1200, height: 800 })
  })

  it('shrinks a window larger than its display to fit, and never below the minimum size', () => {
    const saved = { bounds: { x: 1500, y: 0, width: 4000, height: 3000 }, isMaximized: false }
    const { bounds } = placeWindow(saved, [LAPTOP, MONITOR_RIGHT])
    expect(bounds).toEqual(MONITOR_RIGHT)
    const tiny = placeWindow({ bounds: { x: 10, y: 40, width: 50, height: 50 }, isMaximized: false }, [
      LAPTOP,
    ])
    expect(tiny.bounds).toMatchObject(MIN_WINDOW_SIZE)
    expect(inside(tiny.bounds, LAPTOP)).toBe(true)
  })

  it('pulls a window hanging off the edge back inside the display it mostly shows on', () => {
    const saved = { bounds: { x: 1200, y: -300, width: 1000, height: 700 }, isMaximized: false }
    const { bounds } = placeWindow(saved, [LAPTOP, MONITOR_RIGHT])
    expect(inside(bounds, MONITOR_RIGHT)).toBe(true)
    expect(bounds).toMatchObject({ width: 1000, height: 700 })
  })

  it('treats a sliver that cannot be grabbed as off screen', () => {
    const saved = { bounds: { x: 1430, y: 800, width: 1200, height: 800 }, isMaximized: false }
    const { bounds } = placeWindow(saved, [LAPTOP])
    expect(inside(bounds, LAPTOP)).toBe(true)
  })

  it('ignores saved bounds that are not numbers', () => {
    const saved = { bounds: { x: Number.NaN, y: 0, width: 1000, height: 700 }, isMaximized: false }
    expect(inside(placeWindow(saved, [LAPTOP]).bounds, LAPTOP)).toBe(true)
  })
})
