import { Link } from 'react-router'
import { EmptyState } from '../ui/EmptyState'

export function NotFoundPage() {
  return (
    <EmptyState
      title="Page not found"
      description="The page you asked for does not exist or was moved."
      actions={
        <Link className="button button--primary" to="/customers">
          Go to customers
        </Link>
      }
    />
  )
}
