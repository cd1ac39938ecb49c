import { EmptyState } from '../../../../ui/EmptyState'
import { FileIcon } from '../../../../ui/icons'

export function InvoicesTab() {
  return (
    <EmptyState
      icon={<FileIcon width={28} height={28} />}
      title="No invoices yet"
      description="Invoices you send this customer will appear here, with what is paid and what is due."
    />
  )
}
