import { type FormEvent, useEffect, useState } from 'react'
import { Alert, ErrorAlert } from '../../../../ui/Alert'
import { DocumentTitle } from '../../../../ui/DocumentTitle'
import { Field } from '../../../../ui/form/Field'
import { FieldErrorsContext } from '../../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../../ui/form/useFormErrors'
import { PageHeader } from '../../../../ui/PageHeader'
import { LoadingBlock } from '../../../../ui/Spinner'
import { useCurrentMe } from '../../../auth/hooks/useMe'
import type { InvoiceSettings } from '../../api'
import { useInvoiceSettings, useUpdateInvoiceSettings } from '../../hooks/queries'

/** The body paths of the form, in order, so the API's field errors land beside their fields. */
const FIELDS = ['numberPrefix', 'underpaymentTolerancePercent', 'applyStablePayments'] as const

/** The number the next invoice gets with `prefix`, as the API formats it (six digits at least). */
export function nextInvoiceNumber(prefix: string, next: number): string {
  return `${prefix}${String(next).padStart(6, '0')}`
}

/** /settings/invoices — the number prefix, the underpayment tolerance and what stable payments pay. */
export function InvoiceSettingsPage() {
  const settings = useInvoiceSettings()
  const canWrite = useCurrentMe().role !== 'viewer'
  return (
    <>
      <DocumentTitle title="Invoicing" />
      <PageHeader
        title="Invoicing"
        description="How your invoices are numbered and when they count as paid."
      />
      {settings.isError ? (
        <ErrorAlert
          error={settings.error}
          title="The invoice settings could not be loaded"
          onRetry={() => settings.refetch()}
        />
      ) : !settings.data ? (
        <LoadingBlock label="Loading the invoice settings" />
      ) : (
        <SettingsForm settings={settings.data} canWrite={canWrite} />
      )}
    </>
  )
}

function SettingsForm({ settings, canWrite }: { settings: InvoiceSettings; canWrite: boolean }) {
  const [prefix, setPrefix] = useState(settings.numberPrefix)
  const [tolerance, setTolerance] = useState(settings.underpaymentTolerancePercent)
  const [applyStable, setApplyStable] = useState(settings.applyStablePayments)
  const update = useUpdateInvoiceSettings()
  const errors = useFormErrors(update.error, FIELDS)
  useEffect(() => {
    setPrefix(settings.numberPrefix)
    setTolerance(settings.underpaymentTolerancePercent)
    setApplyStable(settings.applyStablePayments)
  }, [settings])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    update.mutate({
      numberPrefix: prefix.trim(),
      underpaymentTolerancePercent: tolerance.trim(),
      applyStablePayments: applyStable,
    })
  }
  return (
    <FieldErrorsContext.Provider value={errors.byField}>
      <form className="card stack" aria-label="Invoice settings" onSubmit={submit} noValidate>
        {errors.summary ? (
          <FormErrorSummary
            title={`The settings were not saved: ${errors.summary}`}
            messages={errors.other}
          />
        ) : null}
        {update.isSuccess && !update.isPending ? <Alert tone="success">Saved.</Alert> : null}
        <Field
          label="Number prefix"
          path="numberPrefix"
          hint={
            <>
              Next:{' '}
              <strong data-testid="next-number">
                {nextInvoiceNumber(prefix.trim(), settings.nextNumber)}
              </strong>
              . Numbers already given keep their prefix.
            </>
          }
        >
          {(control) => (
            <input
              {...control}
              className="input"
              value={prefix}
              placeholder="INV-"
              disabled={!canWrite}
              onChange={(e) => setPrefix(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Underpayment tolerance (%)"
          path="underpaymentTolerancePercent"
          hint="An invoice paid within this share of its total counts as paid. 0 for exact payment."
        >
          {(control) => (
            <input
              {...control}
              className="input"
              inputMode="decimal"
              value={tolerance}
              disabled={!canWrite}
              onChange={(e) => setTolerance(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Payments to a customer’s own address"
          path="applyStablePayments"
          hint="Off: they stay plain payments on the customer, and no invoice changes."
        >
          {(control) => (
            <label className="checkbox-field">
              <input
                {...control}
                type="checkbox"
                checked={applyStable}
                disabled={!canWrite}
                onChange={(e) => setApplyStable(e.target.checked)}
              />
              Payments to a customer’s own address pay their oldest open invoice
            </label>
          )}
        </Field>
        {canWrite ? (
          <div>
            <button type="submit" className="button button--primary" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save'}
            </button>
          </div>
        ) : null}
      </form>
    </FieldErrorsContext.Provider>
  )
}
