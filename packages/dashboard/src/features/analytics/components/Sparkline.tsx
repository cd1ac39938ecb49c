export interface SparklineProps {
  /** Values in order; drawn for their shape only. */
  values: readonly number[]
  label: string
  width?: number
  height?: number
}

/** A tiny trend line (inline SVG: the profile loads no chart library for it). */
export function Sparkline({ values, label, width = 120, height = 32 }: SparklineProps) {
  const max = Math.max(0, ...values)
  const step = values.length > 1 ? width / (values.length - 1) : 0
  const points = values
    .map(
      (v, i) =>
        `${(i * step).toFixed(1)},${(height - 2 - (max > 0 ? (v / max) * (height - 4) : 0)).toFixed(1)}`,
    )
    .join(' ')
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  )
}
