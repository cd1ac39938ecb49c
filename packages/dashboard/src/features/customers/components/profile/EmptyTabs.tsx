import { EmptyState } from '../../../../ui/EmptyState'
import { CardIcon, FileIcon } from '../../../../ui/icons'

export function PaymentsTab() {
  return (
    <EmptyState
      icon={<CardIcon width={28} height={28} />}
      title="No payments yet"
      description="No payments yet — payments found on chain will appear here, with their confirmations and fiat value."
    />
  )
}

export function InvoicesTab() {
  return (
    <EmptyState
      icon={<FileIcon width={28} height={28} />}
      title="No invoices yet"
      description="Invoices you send this customer will appear here, with what is paid and what is due."
    />
  )
}
