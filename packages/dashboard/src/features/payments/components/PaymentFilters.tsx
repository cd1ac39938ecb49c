import { allAssets, allNetworks, assetName, networkName } from '../../../chains/coins'
import { FilterSelect } from '../../../ui/FilterSelect'
import { XIcon } from '../../../ui/icons'
import type { PaymentFilterKey, PaymentListView } from '../hooks/usePaymentListParams'
import { paymentStatuses, paymentStatusLabel } from '../labels'

export interface PaymentFiltersProps {
  view: PaymentListView
  /** The filters to show, in order. */
  filters: readonly PaymentFilterKey[]
  onChange: (key: PaymentFilterKey, value: string | undefined) => void
  onClear: () => void
  hasFilters: boolean
}

interface DateFilterProps {
  label: string
  value: string | undefined
  min?: string | undefined
  max?: string | undefined
  onChange: (value: string | undefined) => void
}

function DateFilter({ label, value, min, max, onChange }: DateFilterProps) {
  return (
    <label className={`filter filter--date${value ? ' filter--active' : ''}`}>
      <span className="filter__label">{label}</span>
      <input
        type="date"
        className="input input--small"
        value={value ?? ''}
        min={min}
        max={max}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    </label>
  )
}

/** The filter row above a payment table; every choice goes to the URL. */
export function PaymentFilters({ view, filters, onChange, onClear, hasFilters }: PaymentFiltersProps) {
  const has = (key: PaymentFilterKey) => filters.includes(key)
  return (
    <search className="filters" aria-label="Filter payments">
      <div className="filters__row">
        {has('status') ? (
          <FilterSelect
            label="Status"
            value={view.status}
            onChange={(v) => onChange('status', v)}
            options={paymentStatuses.map((s) => ({ value: s, label: paymentStatusLabel[s] }))}
          />
        ) : null}
        {has('network') ? (
          <FilterSelect
            label="Network"
            value={view.network}
            onChange={(v) => onChange('network', v)}
            options={allNetworks.map((n) => ({ value: n, label: networkName(n) }))}
          />
        ) : null}
        {has('asset') ? (
          <FilterSelect
            label="Coin"
            value={view.asset}
            onChange={(v) => onChange('asset', v)}
            options={allAssets.map((a) => ({ value: a, label: `${a} · ${assetName(a)}` }))}
          />
        ) : null}
        {has('attribution') ? (
          <FilterSelect
            label="Customer"
            value={view.attribution}
            onChange={(v) => onChange('attribution', v)}
            options={[
              { value: 'attributed', label: 'Matched to a customer' },
              { value: 'unattributed', label: 'To assign' },
            ]}
          />
        ) : null}
        {has('from') ? (
          <DateFilter label="From" value={view.from} max={view.to} onChange={(v) => onChange('from', v)} />
        ) : null}
        {has('to') ? (
          <DateFilter label="To" value={view.to} min={view.from} onChange={(v) => onChange('to', v)} />
        ) : null}
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
