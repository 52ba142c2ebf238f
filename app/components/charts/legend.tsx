/**
 * A chart's legend as HTML below it: a swatch (or a line sample, dashed like the line) in the
 * series colour, the name in the body colour (the series colours are too light for text), wrapping
 * on a phone instead of overlapping the axis.
 */
export function ChartLegend({
  items,
}: {
  items: { name: string; color: string; line?: boolean; dash?: string }[]
}) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink">
      {items.map((item) => (
        <li key={item.name} className="flex items-center gap-2">
          <svg width="24" height="12" aria-hidden="true" className="shrink-0">
            {item.line ? (
              <line
                x1="0"
                y1="6"
                x2="24"
                y2="6"
                stroke={item.color}
                strokeWidth="3"
                strokeDasharray={item.dash}
              />
            ) : (
              <rect x="4" y="0" width="16" height="12" fill={item.color} />
            )}
          </svg>
          {item.name}
        </li>
      ))}
    </ul>
  )
}
