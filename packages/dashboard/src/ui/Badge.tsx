import type { ReactNode } from 'react'

export type BadgeTone =
  | 'neutral'
  | 'success'
  | 'warning'
  | 'danger'
  | 'info'
  | 'bronze'
  | 'silver'
  | 'gold'
  | 'platinum'

export interface BadgeProps {
  tone?: BadgeTone
  children: ReactNode
  title?: string
}

/** A small coloured label: status, tier, tag. */
export function Badge({ tone = 'neutral', children, title }: BadgeProps) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  )
}
