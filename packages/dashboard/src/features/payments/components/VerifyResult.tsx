import { Link } from 'react-router'
import { ApiProblem, errorMessage } from '../../../api/problem'
import { networkName } from '../../../chains/coins'
import { formatAssetAmount, formatMoneyOrDash } from '../../../format/money'
import { Alert } from '../../../ui/Alert'
import { Badge } from '../../../ui/Badge'
import type { VerifyPaymentResult } from '../api'
import { sentence, shortHash } from '../labels'
import { PaymentStatusBadge } from './PaymentStatusBadge'

export interface VerifyResultProps {
  result: VerifyPaymentResult
}

/** What a verified transaction paid: each payment, new or already recorded, with its customer. */
export function VerifyResult({ result }: VerifyResultProps) {
  if (result.data.length === 0) {
    return (
      <Alert tone="info" title="Nothing to record">
        {sentence(result.detail)} Check that the customer paid one of the addresses Coinbook gave them.
      </Alert>
    )
  }
  const created = result.data.filter((p) => p.created).length
  const title =
    created === 0
      ? 'Already recorded: nothing new in this transaction'
      : `${created} new payment${created === 1 ? '' : 's'} recorded`
  return (
    <Alert tone="success" title={title}>
      <p>{sentence(result.detail)}</p>
      <ul className="verify-result">
        {result.data.map((p) => {
          return (
            <li key={p.id} className="verify-result__item">
              <span className="verify-result__amount">{formatAssetAmount(p.amount, p.asset)}</span>
              <span className="muted">{formatMoneyOrDash(p.fiatValue, p.fiatCurrency)}</span>
              <span>
                {!p.customerId ? (
                  <span className="muted">Not matched</span>
                ) : p.customerName === null ? (
                  <span className="muted">Deleted customer</span>
                ) : (
                  <Link to={`/customers/${p.customerId}?tab=payments`}>{p.customerName}</Link>
                )}
              </span>
              <PaymentStatusBadge payment={p} />
              {p.created ? <Badge tone="info">New</Badge> : <Badge>Already recorded</Badge>}
            </li>
          )
        })}
      </ul>
    </Alert>
  )
}

export interface VerifyProblemProps {
  error: unknown
  network: string
  txHash: string
}

/** Why a transaction could not be verified: unknown hash, no node for the network, or another failure. */
export function VerifyProblem({ error, network, txHash }: VerifyProblemProps) {
  const name = networkName(network)
  if (error instanceof ApiProblem && error.status === 404) {
    return (
      <Alert tone="error" title={`No ${name} transaction ${shortHash(txHash)}`}>
        {sentence(error.detail)} Check the network and the hash; a transaction sent moments ago may not be
        visible yet.
      </Alert>
    )
  }
  if (error instanceof ApiProblem && error.code === 'rpc_unavailable') {
    const setting = typeof error.problem.setting === 'string' ? error.problem.setting : null
    return (
      <Alert tone="warning" title={`${name} transactions cannot be verified right now`}>
        {sentence(error.detail)}
        {setting ? (
          <>
            {' '}
            An administrator can set <code>{setting}</code> on the Coinbook server.
          </>
        ) : null}
      </Alert>
    )
  }
  return (
    <Alert tone="error" title="The transaction could not be verified">
      {errorMessage(error)}
    </Alert>
  )
}
