import { type RefObject, useEffect, useState } from 'react'
import { countryOptions } from '../../../../format/countries'
import { FilterSelect } from '../../../../ui/FilterSelect'
import { SearchIcon, XIcon } from '../../../../ui/icons'
import type { ListCustomersParams } from '../../api'
import type { FilterKey } from '../../hooks/useCustomerListParams'
import { useDebouncedCallback } from '../../hooks/useDebouncedCallback'
import {
  customerStatuses,
  customerTiers,
  customerTypes,
  statusLabel,
  tierLabel,
  typeLabel,
} from '../../labels'

export interface CustomerFiltersProps {
  params: ListCustomersParams
  onChange: (key: FilterKey, value: string | undefined, opts?: { replace?: boolean }) => void
  onClear: () => void
  hasFilters: boolean
  searchRef: RefObject<HTMLInputElement | null>
  /** ArrowDown in the search box: move on to the results. */
  onLeaveSearch?: () => void
}

interface DebouncedInputProps {
  value: string | undefined
  onCommit: (value: string) => void
}

/** Local text that follows the URL value, and is sent back to it once typing pauses. */
function useDebouncedText({ value, onCommit }: DebouncedInputProps) {
  const [text, setText] = useState(value ?? '')
  const commit = useDebouncedCallback(onCommit, 300)
  // A change from outside (Clear filters, Back) replaces what is typed; our own commit (trimmed) does not.
  useEffect(() => setText((t) => (t.trim() === (value ?? '') ? t : (value ?? ''))), [value])
  return {
    text,
    onText: (next: string) => {
      setText(next)
      commit(next)
    },
    flush: () => {
      commit.cancel()
      onCommit(text)
    },
  }
}

/** The search box and the filter row above the customer table. */
export function CustomerFilters({
  params,
  onChange,
  onClear,
  hasFilters,
  searchRef,
  onLeaveSearch,
}: CustomerFiltersProps) {
  // Typing replaces the history entry: Back should not replay every keystroke.
  const search = useDebouncedText({
    value: params.q,
    onCommit: (v) => onChange('q', v.trim() || undefined, { replace: true }),
  })
  const tag = useDebouncedText({
    value: params.tag,
    onCommit: (v) => onChange('tag', v.trim() || undefined, { replace: true }),
  })

  return (
    <search className="filters" aria-label="Search and filter customers">
      <div className="search-box">
        <SearchIcon className="search-box__icon" />
        <input
          ref={searchRef}
          type="search"
          className="input search-box__input"
          placeholder="Search name, email, phone, company or ID"
          aria-label="Search customers"
          aria-keyshortcuts="/"
          value={search.text}
          onChange={(e) => search.onText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') search.flush()
            if (e.key === 'ArrowDown' && onLeaveSearch) {
              e.preventDefault()
              onLeaveSearch()
            }
          }}
        />
        <span className="kbd search-box__kbd" aria-hidden="true">
          /
        </span>
      </div>
      <div className="filters__row">
        <FilterSelect
          label="Status"
          value={params.status}
          onChange={(v) => onChange('status', v)}
          options={customerStatuses.map((s) => ({ value: s, label: statusLabel[s] }))}
        />
        <FilterSelect
          label="Type"
          value={params.type}
          onChange={(v) => onChange('type', v)}
          options={customerTypes.map((t) => ({ value: t, label: typeLabel[t] }))}
        />
        <FilterSelect
          label="Tier"
          value={params.tier}
          onChange={(v) => onChange('tier', v)}
          options={customerTiers.map((t) => ({ value: t, label: tierLabel[t] }))}
        />
        <FilterSelect
          label="Country"
          value={params.country}
          onChange={(v) => onChange('country', v)}
          options={countryOptions().map((c) => ({ value: c.code, label: c.name }))}
        />
        <label className="filter">
          <span className="filter__label">Tag</span>
          <input
            className="input input--small"
            value={tag.text}
            placeholder="Any"
            onChange={(e) => tag.onText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') tag.flush()
            }}
          />
        </label>
        {hasFilters ? (
          <button type="button" className="button button--ghost button--small" onClick={onClear}>
            <XIcon />
            Clear filters
          </button>
        ) : null}
      </div>
    </search>
  )
}
