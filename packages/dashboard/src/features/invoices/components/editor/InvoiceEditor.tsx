import { type FormEvent, useMemo, useState } from 'react'
import { Link } from 'react-router'
import type { FieldError } from '../../../../api/problem'
import { currencyOptions } from '../../../../format/countries'
import { Field, SelectField, TextField } from '../../../../ui/form/Field'
import { FieldErrorsContext } from '../../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../../ui/form/useFormErrors'
import { useReportingCurrency } from '../../../auth/hooks/useMe'
import { CustomerPicker, type PickedCustomer } from '../../../customers/components/picker/CustomerPicker'
import { paymentTermsLabel } from '../../../customers/labels'
import type { CreateInvoiceInput, Invoice, UpdateInvoiceInput } from '../../api'
import { useCustomerBilling, usePaymentOptions, useTaxRates } from '../../hooks/queries'
import { draftTotals, fiatDecimals } from '../../totals'
import { AcceptsPicker } from './AcceptsPicker'
import { EditorTotals } from './EditorTotals'
import {
  type DueChoice,
  type EditorValues,
  editorFields,
  initialValues,
  toCreateInput,
  toUpdateInput,
  valuesFromInvoice,
} from './editor-values'
import { LineItemsEditor } from './LineItemsEditor'

interface CommonProps {
  pending: boolean
  /** The error of the last submit, from the API. */
  error: unknown
}

/** A new invoice for `customer` (null: picked in the form), or `invoice`, a draft, edited. */
export type InvoiceEditorProps = CommonProps &
  (
    | {
        invoice?: undefined
        customer: PickedCustomer | null
        onSubmit: (input: CreateInvoiceInput, send: boolean) => void
      }
    | { invoice: Invoice; onSubmit: (input: UpdateInvoiceInput, send: boolean) => void }
  )

/**
 * A new invoice: customer, lines with their tax rate, currency, due date or installments, coins and memo;
 * or a draft's, edited (its customer stays, and it is not split). Totals are computed exactly (bigint
 * minor units, the API's rounding) as the lines are typed.
 */
export function InvoiceEditor(props: InvoiceEditorProps) {
  const { pending, error } = props
  const editing = props.invoice
  const [values, setValues] = useState<EditorValues>(() =>
    props.invoice ? valuesFromInvoice(props.invoice) : initialValues(props.customer),
  )
  const [localErrors, setLocalErrors] = useState<FieldError[]>([])
  const set = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
  }
  const lineCount = values.lines.length
  const fields = useMemo(() => editorFields(lineCount), [lineCount])
  const errors = useFormErrors(localErrors.length ? null : error, fields, localErrors)

  const reporting = useReportingCurrency()
  const taxRates = useTaxRates()
  const options = usePaymentOptions()
  const billing = useCustomerBilling(values.customer?.id)
  const currency = values.currency || values.customer?.preferredFiat || reporting
  const decimals = fiatDecimals(currency)
  const taxExempt = billing.data?.taxExempt ?? false
  const rates = taxRates.data?.data ?? []
  const totals = useMemo(
    () =>
      draftTotals(
        values.lines.map((l) => {
          const rate = taxExempt ? undefined : rates.find((r) => r.id === l.taxRateId)
          return { quantity: l.quantity, unitAmount: l.unitAmount, tax: rate ?? null }
        }),
        decimals,
      ),
    [values.lines, rates, taxExempt, decimals],
  )
  const credit = billing.data?.credit.find((c) => c.currency === currency)?.amount

  const submit = (send: boolean) => (e?: FormEvent) => {
    e?.preventDefault()
    if (props.invoice) {
      const { input, errors: found } = toUpdateInput(values)
      setLocalErrors(found)
      if (input) props.onSubmit(input, send)
      return
    }
    const { input, errors: found } = toCreateInput(values)
    setLocalErrors(found)
    if (input) props.onSubmit(input, send)
  }
  const terms = values.customer ? paymentTermsLabel(values.customer.paymentTermsDays ?? 30) : 'Net 30'
  const dueOptions: { value: DueChoice; label: string }[] = [
    { value: 'terms', label: `Customer’s terms (${terms})` },
    { value: '0', label: 'Due on receipt' },
    { value: '15', label: 'Net 15' },
    { value: '30', label: 'Net 30' },
    { value: 'date', label: 'On a date…' },
  ]

  return (
    <FieldErrorsContext.Provider value={errors.byField}>
      <form
        className="invoice-editor"
        onSubmit={submit(false)}
        noValidate
        aria-label={editing ? `Edit ${editing.number}` : 'New invoice'}
      >
        {errors.summary ? <FormErrorSummary title={errors.summary} messages={errors.other} /> : null}
        <section className="card">
          <div className="invoice-editor__head">
            {editing ? (
              <div className="field">
                <span className="field__label">Customer</span>
                <span>{editing.customerName ?? 'Deleted customer'}</span>
              </div>
            ) : (
              <Field label="Customer" path="customerId" required>
                {(control) => (
                  <CustomerPicker
                    value={values.customer}
                    onChange={(c) => set('customer', c)}
                    control={control}
                  />
                )}
              </Field>
            )}
            <SelectField
              label="Currency"
              path="currency"
              value={values.currency}
              onChange={(v) => set('currency', v)}
              options={[
                { value: '', label: `Customer’s preferred (${values.customer?.preferredFiat ?? reporting})` },
                ...currencyOptions().map((c) => ({ value: c, label: c })),
              ]}
            />
          </div>
        </section>
        <section className="card" aria-labelledby="editor-lines-title">
          <h2 className="card__title" id="editor-lines-title">
            Lines
          </h2>
          <LineItemsEditor
            lines={values.lines}
            onChange={(lines) => set('lines', lines)}
            taxRates={rates}
            amounts={totals.lines}
            currency={currency}
            decimals={decimals}
            taxExempt={taxExempt}
          />
          {taxRates.isError ? (
            <p className="muted">Your tax rates could not be loaded; lines are untaxed.</p>
          ) : null}
          <EditorTotals
            totals={totals}
            currency={currency}
            decimals={decimals}
            credit={credit}
            installments={values.split ? Number(values.installmentCount) || undefined : undefined}
          />
        </section>
        <section className="card" aria-labelledby="editor-terms-title">
          <h2 className="card__title" id="editor-terms-title">
            Terms and payment
          </h2>
          <div className="form-section__fields">
            {editing ? null : (
              <label className="checkbox-field">
                <input
                  type="checkbox"
                  checked={values.split}
                  onChange={(e) => set('split', e.target.checked)}
                />
                Split into installments
              </label>
            )}
            {values.split ? (
              <>
                <TextField
                  label="Installments"
                  path="installments.count"
                  inputMode="numeric"
                  value={values.installmentCount}
                  onChange={(v) => set('installmentCount', v)}
                  hint="From 2 to 60 invoices"
                />
                <SelectField
                  label="Every"
                  path="installments.interval"
                  value={values.installmentInterval}
                  onChange={(v) => set('installmentInterval', v === 'week' ? 'week' : 'month')}
                  options={[
                    { value: 'month', label: 'Month' },
                    { value: 'week', label: 'Week' },
                  ]}
                />
                <TextField
                  label="First due date"
                  path="installments.firstDueDate"
                  type="date"
                  value={values.firstDueDate}
                  onChange={(v) => set('firstDueDate', v)}
                />
              </>
            ) : (
              <>
                <SelectField
                  label="Due"
                  // One id per page: with a date of its own, the date field answers for dueDate.
                  path={values.due === 'date' ? 'dueChoice' : 'dueDate'}
                  value={values.due}
                  onChange={(v) => set('due', v as DueChoice)}
                  options={dueOptions}
                />
                {values.due === 'date' ? (
                  <TextField
                    label="Due date"
                    path="dueDate"
                    type="date"
                    value={values.dueDate}
                    onChange={(v) => set('dueDate', v)}
                  />
                ) : null}
              </>
            )}
          </div>
          <Field
            label="Accepted coins"
            path="accepts"
            hint="None ticked: the customer’s preferred coins you receive, else every network you configured."
          >
            {(control) =>
              options.isError ? (
                <p className="muted">The coins could not be loaded; the invoice accepts the default ones.</p>
              ) : (
                <AcceptsPicker
                  options={options.data?.data ?? []}
                  value={values.accepts}
                  onChange={(coins) => set('accepts', coins)}
                  control={control}
                />
              )
            }
          </Field>
          <Field label="Memo" path="memo" hint="Shown to the customer on the invoice and its pay page.">
            {(control) => (
              <textarea
                {...control}
                className="textarea"
                rows={3}
                value={values.memo}
                onChange={(e) => set('memo', e.target.value)}
              />
            )}
          </Field>
        </section>
        <div className="form-actions">
          <Link to={editing ? `/invoices/${editing.id}` : '/invoices'} className="button button--secondary">
            Cancel
          </Link>
          <button type="submit" className="button button--secondary" disabled={pending}>
            {pending ? 'Saving…' : 'Save draft'}
          </button>
          <button type="button" className="button button--primary" disabled={pending} onClick={submit(true)}>
            {pending ? 'Saving…' : 'Save and send'}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  )
}
