import { Link, useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../../api/problem'
import { Alert, ErrorAlert } from '../../../../ui/Alert'
import { DocumentTitle } from '../../../../ui/DocumentTitle'
import { PageHeader } from '../../../../ui/PageHeader'
import { LoadingBlock } from '../../../../ui/Spinner'
import type { Invoice } from '../../api'
import { useInvoice, useUpdateInvoice } from '../../hooks/queries'
import { invoiceStatusLabel } from '../../labels'
import { InvoiceEditor } from './InvoiceEditor'

/** /invoices/:id/edit — a draft, edited and saved (PATCH), or saved and sent. Anything else is not editable. */
export function InvoiceEditPage() {
  const { id = '' } = useParams()
  const invoice = useInvoice(id)
  if (invoice.isError) return <ErrorAlert error={invoice.error} title="The invoice could not be loaded" />
  if (!invoice.data) return <LoadingBlock label="Loading the invoice" />
  return <EditDraft invoice={invoice.data} />
}

function EditDraft({ invoice }: { invoice: Invoice }) {
  const navigate = useNavigate()
  const update = useUpdateInvoice(invoice.id)
  const header = (
    <>
      <DocumentTitle title={`Edit ${invoice.number}`} />
      <PageHeader
        breadcrumb={<Link to={`/invoices/${invoice.id}`}>{invoice.number}</Link>}
        title={`Edit ${invoice.number}`}
        description="A draft is priced again as you save it; sending opens it and gives it a pay link."
      />
    </>
  )
  if (invoice.status !== 'draft' || invoice.installment) {
    return (
      <>
        {header}
        <Alert tone="warning" title="This invoice cannot be edited">
          {invoice.installment
            ? 'It is an installment of a plan: its lines are the plan’s split.'
            : `Only drafts can be edited, and ${invoice.number} is ${invoiceStatusLabel[invoice.status].toLowerCase()}. Void it and create another.`}{' '}
          <Link to={`/invoices/${invoice.id}`}>Back to the invoice</Link>
        </Alert>
      </>
    )
  }
  // Saved, but sending failed: the saved draft's page says so.
  const saved = (update.error as { created?: Invoice } | null)?.created
  return (
    <>
      {header}
      <InvoiceEditor
        // A new editor when another draft is opened, so its values start from that one.
        key={invoice.id}
        invoice={invoice}
        pending={update.isPending}
        error={saved ? null : update.error}
        onSubmit={(input, send) =>
          update.mutate(
            { input, send },
            {
              onSuccess: (done) =>
                navigate(`/invoices/${done.id}`, {
                  state: { flash: send ? `${done.number} was sent.` : `Draft ${done.number} saved.` },
                }),
              onError: (error) => {
                const draft = (error as { created?: Invoice }).created
                if (draft) {
                  navigate(`/invoices/${draft.id}`, {
                    state: {
                      flash: `Draft ${draft.number} saved, but it was not sent: ${errorMessage(error)}`,
                    },
                  })
                }
              },
            },
          )
        }
      />
    </>
  )
}
