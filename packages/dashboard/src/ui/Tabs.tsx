import { type KeyboardEvent, type ReactNode, useRef } from 'react'

export interface TabItem {
  id: string
  label: ReactNode
}

export interface TabsProps {
  /** Names the tab list for screen readers. */
  label: string
  tabs: readonly TabItem[]
  selected: string
  onSelect: (id: string) => void
  /** Prefix for tab and panel ids, so several tab sets can share a page. */
  idPrefix?: string
}

export function tabId(prefix: string, id: string) {
  return `${prefix}-tab-${id}`
}

export function panelId(prefix: string, id: string) {
  return `${prefix}-panel-${id}`
}

/**
 * WAI-ARIA tabs with automatic activation: only the selected tab is in the tab order; ArrowLeft/Right
 * (wrapping), Home and End move between tabs.
 */
export function Tabs({ label, tabs, selected, onSelect, idPrefix = 'tabs' }: TabsProps) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({})

  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === selected)
    let next: number | undefined
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = tabs.length - 1
    if (next === undefined) return
    e.preventDefault()
    const tab = tabs[next]
    if (!tab) return
    onSelect(tab.id)
    refs.current[tab.id]?.focus()
  }

  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={move}>
      {tabs.map((tab) => {
        const active = tab.id === selected
        return (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[tab.id] = el
            }}
            type="button"
            role="tab"
            id={tabId(idPrefix, tab.id)}
            aria-selected={active}
            aria-controls={panelId(idPrefix, tab.id)}
            tabIndex={active ? 0 : -1}
            className={`tabs__tab${active ? ' tabs__tab--active' : ''}`}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        )
      })}
    </div>
  )
}

export interface TabPanelProps {
  idPrefix?: string
  id: string
  children: ReactNode
}

/** The panel of the selected tab. */
export function TabPanel({ idPrefix = 'tabs', id, children }: TabPanelProps) {
  return (
    <div
      role="tabpanel"
      id={panelId(idPrefix, id)}
      aria-labelledby={tabId(idPrefix, id)}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a panel without focusable content must still be reachable (WAI-ARIA tabs pattern)
      tabIndex={0}
      className="tab-panel"
    >
      {children}
    </div>
  )
}
