import { allAssets, allNetworks, assetName, networkName } from '../../../chains/coins'
import { countryOptions } from '../../../format/countries'
import { FilterSelect } from '../../../ui/FilterSelect'
import type { AnalyticsParams } from '../api'
import { daysAgo, groupings, presets } from '../hooks/useAnalyticsParams'

export interface AnalyticsFiltersProps {
  params: AnalyticsParams
  onChange: (changes: Record<string, string | undefined>) => void
}

const groupLabel = { day: 'Day', week: 'Week', month: 'Month' } as const

/** The date range (presets or two days) and the filters every report on the page follows. */
export function AnalyticsFilters({ params, onChange }: AnalyticsFiltersProps) {
  return (
    <fieldset className="filters analytics-filters">
      <legend className="visually-hidden">Filters</legend>
      <fieldset className="filter analytics-filters">
        <legend className="visually-hidden">Range</legend>
        {presets.map((p) => {
          const from = daysAgo(p.days)
          const active = params.from === from && !params.to
          return (
            <button
              key={p.days}
              type="button"
              className={`button button--small${active ? ' button--primary' : ''}`}
              aria-pressed={active}
              onClick={() => onChange({ from, to: undefined })}
            >
              {p.label}
            </button>
          )
        })}
      </fieldset>
      <label className="filter">
        <span className="filter__label">From</span>
        <input
          type="date"
          className="input input--small"
          value={params.from ?? ''}
          onChange={(e) => onChange({ from: e.target.value || undefined })}
        />
      </label>
      <label className="filter">
        <span className="filter__label">To</span>
        <input
          type="date"
          className="input input--small"
          value={params.to ?? ''}
          onChange={(e) => onChange({ to: e.target.value || undefined })}
        />
      </label>
      <FilterSelect
        label="Group by"
        value={params.groupBy}
        anyLabel="Day"
        onChange={(v) => onChange({ groupBy: v === 'day' ? undefined : v })}
        options={groupings.filter((g) => g !== 'day').map((g) => ({ value: g, label: groupLabel[g] }))}
      />
      <FilterSelect
        label="Asset"
        value={params.asset}
        onChange={(asset) => onChange({ asset })}
        options={allAssets.map((a) => ({ value: a, label: assetName(a) }))}
      />
      <FilterSelect
        label="Network"
        value={params.network}
        onChange={(network) => onChange({ network })}
        options={allNetworks.map((n) => ({ value: n, label: networkName(n) }))}
      />
      <FilterSelect
        label="Country"
        value={params.country}
        onChange={(country) => onChange({ country })}
        options={countryOptions().map((c) => ({ value: c.code, label: c.name }))}
      />
    </fieldset>
  )
}
