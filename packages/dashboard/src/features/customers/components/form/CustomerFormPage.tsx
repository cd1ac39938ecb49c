import { Link, useNavigate, useParams } from 'react-router'
import { ErrorAlert } from '../../../../ui/Alert'
import { DocumentTitle } from '../../../../ui/DocumentTitle'
import { PageHeader } from '../../../../ui/PageHeader'
import { LoadingBlock } from '../../../../ui/Spinner'
import type { CustomerDto } from '../../api'
import { useCreateCustomer, useCustomer, useUpdateCustomer } from '../../hooks/queries'
import { CustomerForm } from './CustomerForm'

/** /customers/new */
export function NewCustomerPage() {
  const navigate = useNavigate()
  const create = useCreateCustomer()
  return (
    <>
      <DocumentTitle title="New customer" />
      <PageHeader
        breadcrumb={<Link to="/customers">Customers</Link>}
        title="New customer"
        description="Only the name is required; add the rest now or later."
      />
      <CustomerForm
        pending={create.isPending}
        error={create.error}
        onCancel={() => navigate('/customers')}
        onSubmit={(s) => {
          if (s.mode !== 'create') return
          create.mutate(s.input, {
            onSuccess: (c) => navigate(`/customers/${c.id}`, { state: { flash: `${c.name} was created.` } }),
          })
        }}
      />
    </>
  )
}

interface EditCustomerFormProps {
  customer: CustomerDto
}

function EditCustomerForm({ customer }: EditCustomerFormProps) {
  const navigate = useNavigate()
  const update = useUpdateCustomer(customer.id)
  const back = () => navigate(`/customers/${customer.id}`)
  return (
    <CustomerForm
      customer={customer}
      pending={update.isPending}
      error={update.error}
      onCancel={back}
      onSubmit={(s) => {
        if (s.mode !== 'update') return
        if (Object.keys(s.input).length === 0) return back()
        update.mutate(s.input, {
          onSuccess: (c) => navigate(`/customers/${c.id}`, { state: { flash: 'Changes saved.' } }),
        })
      }}
    />
  )
}

/** /customers/:id/edit */
export function EditCustomerPage() {
  const { id = '' } = useParams()
  const customer = useCustomer(id)
  return (
    <>
      <DocumentTitle title={customer.data ? `Edit ${customer.data.name}` : 'Edit customer'} />
      <PageHeader
        breadcrumb={
          <>
            <Link to="/customers">Customers</Link>
            <span aria-hidden="true"> / </span>
            <Link to={`/customers/${id}`}>{customer.data?.name ?? 'Customer'}</Link>
          </>
        }
        title={customer.data ? `Edit ${customer.data.name}` : 'Edit customer'}
      />
      {customer.isPending ? (
        <LoadingBlock label="Loading customer" />
      ) : customer.isError ? (
        <ErrorAlert
          error={customer.error}
          title="This customer could not be loaded"
          onRetry={() => void customer.refetch()}
        />
      ) : (
        <EditCustomerForm key={customer.data.id} customer={customer.data} />
      )}
    </>
  )
}
