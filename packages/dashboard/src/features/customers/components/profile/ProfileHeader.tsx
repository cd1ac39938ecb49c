import { Link } from 'react-router'
import { EditIcon, TrashIcon } from '../../../../ui/icons'
import type { CustomerDto } from '../../api'
import { typeLabel } from '../../labels'
import { StatusBadge, TierBadge } from '../CustomerBadges'

export interface ProfileHeaderProps {
  customer: CustomerDto
  onDelete: () => void
  canWrite: boolean
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/)
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?'
}

/** Who the customer is at a glance, and what can be done with them. */
export function ProfileHeader({ customer, onDelete, canWrite }: ProfileHeaderProps) {
  const c = customer
  return (
    <header className="profile-header">
      <div className="profile-header__identity">
        <span className="avatar avatar--large" aria-hidden="true">
          {initials(c.name)}
        </span>
        <div>
          <div className="page-header__breadcrumb">
            <Link to="/customers">Customers</Link>
          </div>
          <h1 className="profile-header__name">
            {c.name}
            <StatusBadge status={c.status} />
            <TierBadge tier={c.tier} />
          </h1>
          <p className="profile-header__meta">
            {[
              c.email,
              c.company ? `${c.jobTitle ? `${c.jobTitle}, ` : ''}${c.company}` : null,
              typeLabel[c.type],
            ]
              .filter(Boolean)
              .map((part) => (
                <span key={part}>{part}</span>
              ))}
          </p>
        </div>
      </div>
      {canWrite ? (
        <div className="page-header__actions">
          <Link to="?tab=invoices&charge=1" className="button button--primary">
            Charge now
          </Link>
          <Link to={`/customers/${c.id}/edit`} className="button button--secondary">
            <EditIcon />
            Edit
          </Link>
          <button type="button" className="button button--danger-ghost" onClick={onDelete}>
            <TrashIcon />
            Delete
          </button>
        </div>
      ) : null}
    </header>
  )
}
