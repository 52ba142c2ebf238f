import { useEffect, useRef, useState } from 'react'

/**
 * The width of an element, following resizes (a phone turned, a window narrowed). The server and
 * the first browser render use `fallback`, so hydration matches; the measured width follows.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(fallback)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const update = () => {
      const measured = Math.floor(el.clientWidth)
      if (measured > 0) setWidth(measured)
    }
    update()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(update)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, width] as const
}
