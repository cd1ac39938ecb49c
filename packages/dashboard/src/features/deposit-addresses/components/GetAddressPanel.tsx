import { type FormEvent, useMemo, useState } from 'react'
import { Link } from 'react-router'
import { errorMessage, isProblem } from '../../../api/problem'
import {
  allCoinChoices,
  type Coin,
  coinKey,
  coinLabel,
  isDerivedNetwork,
  isNetworkId,
  networkName,
  parseCoinKey,
} from '../../../chains/coins'
import { Alert } from '../../../ui/Alert'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'
import { Field, SelectField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import type { CustomerDto } from '../../customers/api'
import { useWallets } from '../../wallets/api'
import {
  type CreateDepositTargetInput,
  type DepositTarget,
  isMissingWallet,
  useCreateDepositTarget,
} from '../api'
import { DepositTargetView } from './DepositTargetView'

const FIELDS = ['asset', 'amount'] as const
const AMOUNT = /^\d{1,30}(\.\d{1,18})?$/

/**
 * Every coin: paid to a derived address (Bitcoin, EVM, Tron) or to the merchant's one wallet with the
 * customer's reference (Solana) or comment (TON).
 */
const COINS = allCoinChoices.filter((c) => isNetworkId(c.network))

/** On Solana and TON the customer gets a reference or comment, not an address of their own. */
function codeName(network: string): string | null {
  if (!isNetworkId(network) || isDerivedNetwork(network)) return null
  return network === 'ton' ? 'comment' : 'reference'
}

export interface GetAddressPanelProps {
  customer: CustomerDto
}

/**
 * The coin to start with: the customer's most preferred coin whose network has a wallet, else any coin with
 * a wallet, else their preferred coin, else the first.
 */
export function defaultCoin(customer: CustomerDto, connected: ReadonlySet<string>): Coin {
  const keys = new Set(COINS.map(coinKey))
  const preferred = customer.preferredCoins.filter((c) => keys.has(coinKey(c)))
  return (
    preferred.find((c) => connected.has(c.network)) ??
    COINS.find((c) => connected.has(c.network)) ??
    preferred[0] ??
    (COINS[0] as Coin)
  )
}

/** "Get address": the customer's address for a coin, with QR code and URI; "New address" allocates another. */
export function GetAddressPanel({ customer }: GetAddressPanelProps) {
  const wallets = useWallets()
  const connected = useMemo(() => new Set<string>(wallets.data?.map((w) => w.network)), [wallets.data])
  // Until the merchant picks one, the coin follows the default (which may change as wallets load).
  const [picked, setPicked] = useState<string | null>(null)
  const coin = picked ?? coinKey(defaultCoin(customer, connected))
  const [amount, setAmount] = useState('')
  const [target, setTarget] = useState<DepositTarget | null>(null)
  const [confirmingNew, setConfirmingNew] = useState(false)
  const create = useCreateDepositTarget(customer.id)
  const amountErrors = useMemo(
    () => (amount.trim() && !AMOUNT.test(amount.trim()) ? ['must be a number such as 25 or 0.005'] : []),
    [amount],
  )
  const missingWallet = isMissingWallet(create.error)
  const invalid = isProblem(create.error, 'validation_failed') ? create.error : null
  const errors = useFormErrors(invalid, FIELDS)
  const chosen = parseCoinKey(coin) ?? defaultCoin(customer, connected)

  const request = (extra: Partial<CreateDepositTargetInput> = {}, onDone?: () => void) => {
    const value = amount.trim()
    create.mutate(
      {
        asset: chosen.asset as CreateDepositTargetInput['asset'],
        network: chosen.network as CreateDepositTargetInput['network'],
        ...(value ? { amount: value } : {}),
        ...extra,
      },
      {
        onSuccess: (t) => {
          setTarget(t)
          onDone?.()
        },
      },
    )
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!amountErrors.length) request()
  }

  return (
    <div className="get-address">
      <FieldErrorsContext.Provider value={errors.byField}>
        <form className="get-address__form" onSubmit={submit} noValidate aria-label="Get a deposit address">
          <SelectField
            label="Coin"
            path="asset"
            value={coin}
            onChange={(v) => {
              setPicked(v)
              setTarget(null)
              create.reset()
            }}
            options={COINS.map((c) => ({
              value: coinKey(c),
              label:
                wallets.isSuccess && !connected.has(c.network)
                  ? `${coinLabel(c)} (no wallet yet)`
                  : coinLabel(c),
            }))}
          />
          <Field label="Amount (optional)" path="amount" localErrors={amountErrors}>
            {(control) => (
              <div className="input-affix">
                <input
                  {...control}
                  className="input"
                  inputMode="decimal"
                  placeholder="Any"
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                />
                <span className="input-affix__suffix">{chosen.asset}</span>
              </div>
            )}
          </Field>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending && !confirmingNew ? 'Getting…' : 'Get address'}
          </button>
        </form>
      </FieldErrorsContext.Provider>

      {missingWallet ? (
        <Alert
          tone="warning"
          title={`Set up a ${networkName(chosen.network)} wallet first`}
          actions={
            <Link
              className="button button--secondary button--small"
              to={`/settings/wallets?connect=${chosen.network}`}
            >
              Go to Wallets
            </Link>
          }
        >
          {codeName(chosen.network)
            ? `Customers pay your ${networkName(chosen.network)} wallet with a ${codeName(chosen.network)} of their own. Enter the wallet's address in Settings → Wallets, then come back.`
            : `Addresses are derived from your ${networkName(chosen.network)} account key. Connect it in Settings → Wallets, then come back.`}
        </Alert>
      ) : create.isError && !invalid ? (
        <Alert tone="error" title="No address was given">
          {errorMessage(create.error)}
        </Alert>
      ) : errors.other.length ? (
        <FormErrorSummary title={errors.summary ?? 'The address could not be made'} messages={errors.other} />
      ) : null}

      {target ? (
        <DepositTargetView
          target={target}
          busy={create.isPending}
          onNewAddress={() => {
            create.reset()
            setConfirmingNew(true)
          }}
        />
      ) : null}

      <ConfirmDialog
        open={confirmingNew}
        title={`Give ${customer.name} a new ${networkName(chosen.network)} ${codeName(chosen.network) ?? 'address'}?`}
        confirmLabel={`Create new ${codeName(chosen.network) ?? 'address'}`}
        busy={create.isPending}
        error={confirmingNew && create.error ? errorMessage(create.error) : null}
        onCancel={() => setConfirmingNew(false)}
        onConfirm={() => request({ fresh: true }, () => setConfirmingNew(false))}
      >
        {codeName(chosen.network) ? (
          <p>
            Coinbook draws a new {codeName(chosen.network)} and shows it from now on. The current one
            {target?.memo || target?.reference ? (
              <>
                {' '}
                <code>{target.memo ?? target.reference}</code>
              </>
            ) : null}{' '}
            keeps working: payments with it are still matched to {customer.name}.
          </p>
        ) : (
          <p>
            Coinbook derives the next address from your wallet key and shows it from now on. The current
            address
            {target ? (
              <>
                {' '}
                <code>{target.address}</code>
              </>
            ) : null}{' '}
            keeps working: payments to it are still matched to {customer.name}.
          </p>
        )}
      </ConfirmDialog>
    </div>
  )
}
