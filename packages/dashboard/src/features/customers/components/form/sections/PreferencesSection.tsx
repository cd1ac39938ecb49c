import { currencyOptions } from '../../../../../format/countries'
import { Field, SelectField, TextField } from '../../../../../ui/form/Field'
import type { PaymentTermsChoice } from '../../../form-values'
import { FormSection } from '../FormSection'
import { PreferredCoinsEditor } from '../PreferredCoinsEditor'
import type { SectionProps } from '../types'

const TERMS: { value: PaymentTermsChoice; label: string }[] = [
  { value: 'none', label: 'No terms' },
  { value: '0', label: 'Due on receipt' },
  { value: '15', label: 'Net 15' },
  { value: '30', label: 'Net 30' },
  { value: 'custom', label: 'Custom…' },
]

export function PreferencesSection({ values, set }: SectionProps) {
  const fiat = values.preferredFiat || 'their currency'
  return (
    <FormSection
      title="Payment preferences"
      description="How they like to pay: the coins they use, when invoices fall due and how much at most."
    >
      <SelectField
        label="Preferred fiat currency"
        path="preferredFiat"
        value={values.preferredFiat}
        onChange={(v) => set('preferredFiat', v)}
        options={[
          { value: '', label: 'Same as your reporting currency' },
          ...currencyOptions().map((c) => ({ value: c, label: c })),
        ]}
      />
      <Field label="Payment terms" path="paymentTermsDays">
        {(control) => (
          <div className="inline-fields">
            <select
              {...control}
              className="input"
              value={values.paymentTerms}
              onChange={(e) => set('paymentTerms', e.target.value as PaymentTermsChoice)}
            >
              {TERMS.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
            {values.paymentTerms === 'custom' ? (
              <label className="inline-fields__suffix">
                <span className="visually-hidden">Days until due</span>
                <input
                  className="input input--days"
                  inputMode="numeric"
                  value={values.customTermsDays}
                  onChange={(e) => set('customTermsDays', e.target.value)}
                  placeholder="45"
                />
                <span className="muted">days</span>
              </label>
            ) : null}
          </div>
        )}
      </Field>
      <PreferredCoinsEditor value={values.preferredCoins} onChange={(v) => set('preferredCoins', v)} />
      <TextField
        label="Largest single payment"
        path="paymentLimits.perPaymentMax"
        inputMode="decimal"
        value={values.perPaymentMax}
        onChange={(v) => set('perPaymentMax', v)}
        placeholder="No limit"
        hint={`In ${fiat}, e.g. 5000.00`}
      />
      <TextField
        label="Monthly limit"
        path="paymentLimits.monthlyMax"
        inputMode="decimal"
        value={values.monthlyMax}
        onChange={(v) => set('monthlyMax', v)}
        placeholder="No limit"
        hint={`In ${fiat}`}
      />
    </FormSection>
  )
}
