import { Badge } from '../../../ui/Badge'
import type { Subscription } from '../api'
import { subscriptionStatusLabel, subscriptionStatusTone } from '../labels'

/** The status, with "Ends <date>" when it is canceled at period end. */
export function SubscriptionStatusBadge({
  subscription,
}: {
  subscription: Pick<Subscription, 'status' | 'cancelAt'>
}) {
  return (
    <span className="badge-group">
      <Badge tone={subscriptionStatusTone[subscription.status]}>
        {subscriptionStatusLabel[subscription.status]}
      </Badge>
      {subscription.cancelAt && subscription.status !== 'canceled' ? (
        <Badge tone="warning" title="Canceled at period end">
          Ends {subscription.cancelAt}
        </Badge>
      ) : null}
    </span>
  )
}
