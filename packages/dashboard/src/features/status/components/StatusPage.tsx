import { ErrorAlert } from '../../../ui/Alert'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useNetworkStatus } from '../api'
import { NetworkStatusTable } from './NetworkStatusTable'

/** /settings/status — is Coinbook seeing the chains: each node's health, the scan's position and lag. */
export function StatusPage() {
  const status = useNetworkStatus()
  return (
    <>
      <DocumentTitle title="Status" />
      <PageHeader
        title="Status"
        description="Whether Coinbook reaches each network's node and how far its scan has got. Refreshes every 15 seconds."
      />
      <section className="card card--flush" aria-label="Networks">
        {status.isPending ? (
          <LoadingBlock label="Asking the nodes" />
        ) : status.isError ? (
          <ErrorAlert
            error={status.error}
            title="Status could not be loaded"
            onRetry={() => status.refetch()}
          />
        ) : (
          <NetworkStatusTable statuses={status.data} now={status.dataUpdatedAt} />
        )}
      </section>
    </>
  )
}
