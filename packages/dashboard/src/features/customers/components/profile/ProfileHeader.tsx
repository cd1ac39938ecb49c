import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { EditIcon, TrashIcon } from '../../../../ui/icons'
import type { Avatar } from '../../../privacy/api'
import { CustomerAvatar } from '../../../privacy/components/CustomerAvatar'
import type { CustomerDto } from '../../api'
import { typeLabel } from '../../labels'
import { StatusBadge, TierBadge } from '../CustomerBadges'

export interface ProfileHeaderProps {
  customer: CustomerDto & { avatar?: Avatar | null | undefined }
  onDelete: () => void
  canWrite: boolean
  /** More actions after Delete (export, erase). */
  extraActions?: ReactNode
}

/** Who the customer is at a glance, and what can be done with them. */
export function ProfileHeader({ customer, onDelete, canWrite, extraActions }: ProfileHeaderProps) {
  const c = customer
  return (
    <header className="profile-header">
      <div className="profile-header__identity">
        <CustomerAvatar customer={c} canWrite={canWrite} />
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
          {extraActions}
        </div>
      ) : (
        <div className="page-header__actions">{extraActions}</div>
      )}
    </header>
  )
}
