import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { errorMessage } from '../../../../api/problem'
import { ErrorAlert } from '../../../../ui/Alert'
import { DocumentTitle } from '../../../../ui/DocumentTitle'
import { PageHeader } from '../../../../ui/PageHeader'
import { LoadingBlock } from '../../../../ui/Spinner'
import { getCustomer } from '../../../customers/api'
import { customerKeys } from '../../../customers/hooks/queries'
import type { Invoice } from '../../api'
import { useCreateInvoice } from '../../hooks/queries'
import { InvoiceEditor } from './InvoiceEditor'

/**
 * /invoices/new (?customerId= picks the customer) — a new draft, saved as is or sent at once; a draft
 * is edited afterwards at /invoices/:id/edit.
 */
export function InvoiceEditorPage() {
  const [search] = useSearchParams()
  const customerId = search.get('customerId') ?? undefined
  const navigate = useNavigate()
  const create = useCreateInvoice()
  const preset = useQuery({
    queryKey: customerKeys.detail(customerId ?? ''),
    queryFn: ({ signal }) => getCustomer(customerId ?? '', signal),
    enabled: Boolean(customerId),
  })

  const header = (
    <>
      <DocumentTitle title="New invoice" />
      <PageHeader
        breadcrumb={<Link to="/invoices">Invoices</Link>}
        title="New invoice"
        description="Saved as a draft until you send it; sending opens it and gives it a pay link."
      />
    </>
  )
  if (customerId && preset.isPending) return <LoadingBlock label="Loading the customer" />
  if (customerId && preset.isError) {
    return (
      <>
        {header}
        <ErrorAlert error={preset.error} title="The customer could not be loaded" />
      </>
    )
  }
  const c = customerId ? preset.data : undefined
  // A draft created before sending failed: it exists, so the error is the invoice's page to show.
  const created = (create.error as { created?: Invoice } | null)?.created
  return (
    <>
      {header}
      <InvoiceEditor
        customer={
          c
            ? {
                id: c.id,
                name: c.name,
                email: c.email,
                preferredFiat: c.preferredFiat,
                paymentTermsDays: c.paymentTermsDays,
              }
            : null
        }
        pending={create.isPending}
        error={created ? null : create.error}
        onSubmit={(input, send) =>
          create.mutate(
            { input, send },
            {
              onSuccess: (invoice) =>
                navigate(`/invoices/${invoice.id}`, {
                  state: {
                    flash: send
                      ? `${invoice.number} was sent.${invoice.installment ? ` It is installment 1 of ${invoice.installment.count}.` : ''}`
                      : `Draft ${invoice.number} saved.`,
                  },
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
