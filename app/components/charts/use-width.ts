import { startTransition, useEffect, useRef, useState } from 'react'

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
      // A transition: the chart below may still be waiting for its module (lazy.tsx); an urgent
      // update would make React throw its server markup away (error 421) instead of hydrating it.
      if (measured > 0) startTransition(() => setWidth(measured))
    }
    update()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(update)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, width] as const
}
