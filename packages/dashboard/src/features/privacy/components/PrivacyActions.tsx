import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { errorMessage } from '../../../api/problem'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'
import { customerKeys } from '../../customers/hooks/queries'
import { eraseCustomer, privacyExportUrl } from '../api'

export interface PrivacyActionsProps {
  customer: { id: string; name: string }
  /** Owners and admins: only they may erase. */
  canErase: boolean
}

/** The profile's "Export data" download and "Erase…" with a confirmation that asks for the name. */
export function PrivacyActions({ customer, canErase }: PrivacyActionsProps) {
  const navigate = useNavigate()
  const client = useQueryClient()
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [reason, setReason] = useState('')
  const erase = useMutation({
    mutationFn: () => eraseCustomer(customer.id, reason.trim() || undefined),
    onSuccess: () => {
      client.removeQueries({ queryKey: customerKeys.detail(customer.id) })
      void client.invalidateQueries({ queryKey: customerKeys.all })
      navigate('/customers', {
        replace: true,
        state: {
          flash: `${customer.name}’s personal data was erased. Their payments and invoices are kept.`,
        },
      })
    },
  })
  const matches = typed.trim() === customer.name.trim()
  return (
    <>
      <a className="button button--secondary" href={privacyExportUrl(customer.id)} download>
        Export data
      </a>
      {canErase ? (
        <button type="button" className="button button--danger-ghost" onClick={() => setOpen(true)}>
          Erase…
        </button>
      ) : null}
      <ConfirmDialog
        open={open}
        title={`Erase ${customer.name}?`}
        confirmLabel="Erase personal data"
        tone="danger"
        busy={erase.isPending}
        focusBody
        error={
          erase.error
            ? errorMessage(erase.error)
            : typed && !matches
              ? 'Type the name exactly as shown.'
              : null
        }
        onCancel={() => {
          setOpen(false)
          setTyped('')
          erase.reset()
        }}
        onConfirm={() => {
          if (matches) erase.mutate()
        }}
      >
        <p>
          Their name, email, phone, addresses, notes, wallets, avatar and message contents are removed for
          good. Payments and invoices stay in your books, no longer linked to a person. The email can be used
          again.
        </p>
        <label className="field">
          <span className="field__label">Type “{customer.name}” to confirm</span>
          <input className="input" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Reason (kept in the audit log, optional)</span>
          <input
            className="input"
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      </ConfirmDialog>
    </>
  )
}
