import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { getCustomer } from '../../customers/api'
import { customerKeys } from '../../customers/hooks/queries'

export interface CustomerNameProps {
  id: string
  tabIndex?: number
}

/**
 * A link to the customer, named once their profile is read (a subscription carries only the id); the
 * query cache reads each customer once however many rows name them.
 */
export function CustomerName({ id, tabIndex }: CustomerNameProps) {
  const customer = useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => getCustomer(id, signal),
    staleTime: 60_000,
  })
  return (
    <Link to={`/customers/${id}`} tabIndex={tabIndex}>
      {customer.data?.name ?? (customer.isError ? 'Deleted customer' : 'Customer…')}
    </Link>
  )
}
