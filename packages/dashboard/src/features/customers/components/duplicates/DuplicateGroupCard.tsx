import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { countryName } from '../../../../format/countries'
import { formatDate } from '../../../../format/dates'
import { formatMoneyOrDash } from '../../../../format/money'
import { MergeIcon } from '../../../../ui/icons'
import type { CustomerDto, DuplicateGroup } from '../../api'
import { StatusBadge, TagList, TierBadge } from '../CustomerBadges'

const REASONS: Record<DuplicateGroup['reason'], string> = {
  email: 'Same email',
  phone: 'Same phone',
  name_company: 'Same name and company',
}

interface Row {
  label: string
  /** Comparable text, to highlight where the records differ. */
  text: (c: CustomerDto) => string
  render?: (c: CustomerDto) => ReactNode
}

export interface DuplicateGroupCardProps {
  group: DuplicateGroup
  currency: string
  canWrite: boolean
  onKeep: (keep: CustomerDto, group: DuplicateGroup) => void
}

/** One set of likely duplicates side by side; fields that differ are highlighted. */
export function DuplicateGroupCard({ group, currency, canWrite, onKeep }: DuplicateGroupCardProps) {
  const rows: Row[] = [
    { label: 'Email', text: (c) => c.email ?? '' },
    { label: 'Phone', text: (c) => c.phone ?? '' },
    { label: 'Company', text: (c) => c.company ?? '' },
    { label: 'Country', text: (c) => (c.country ? countryName(c.country) : '') },
    { label: 'Status', text: (c) => c.status, render: (c) => <StatusBadge status={c.status} /> },
    { label: 'Tier', text: (c) => c.tier ?? '', render: (c) => <TierBadge tier={c.tier} /> },
    { label: 'Tags', text: (c) => c.tags.join(','), render: (c) => <TagList tags={c.tags} /> },
    { label: 'Lifetime value', text: (c) => formatMoneyOrDash(c.lifetimeValue, currency) },
    { label: 'Payments', text: (c) => String(c.paymentCount) },
    { label: 'Notes', text: (c) => (c.notes ? 'Yes' : '') },
    { label: 'Created', text: (c) => formatDate(c.createdAt) },
  ]
  return (
    <article className="card duplicate-group">
      <header className="duplicate-group__header">
        <span className="badge badge--warning">{REASONS[group.reason] ?? group.reason}</span>
        <span className="duplicate-group__key">{group.key}</span>
        <span className="muted">{group.customers.length} customers</span>
      </header>
      <div className="table-scroll">
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Field</span>
              </th>
              {group.customers.map((c) => (
                <th scope="col" key={c.id}>
                  <Link to={`/customers/${c.id}`} className="compare-table__name">
                    {c.name}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const differs = new Set(group.customers.map(row.text)).size > 1
              return (
                <tr key={row.label} className={differs ? 'compare-table__row--differs' : undefined}>
                  <th scope="row">{row.label}</th>
                  {group.customers.map((c) => (
                    <td key={c.id}>
                      {!row.text(c) ? (
                        <span className="muted">—</span>
                      ) : row.render ? (
                        row.render(c)
                      ) : (
                        row.text(c)
                      )}
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
          {canWrite ? (
            <tfoot>
              <tr>
                <th scope="row">
                  <span className="visually-hidden">Merge</span>
                </th>
                {group.customers.map((c) => (
                  <td key={c.id}>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => onKeep(c, group)}
                    >
                      <MergeIcon />
                      Merge into this one
                    </button>
                  </td>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </article>
  )
}
