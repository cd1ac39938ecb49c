import { countryOptions } from '../../../../../format/countries'
import { SelectField, TextField } from '../../../../../ui/form/Field'
import { useFieldErrors } from '../../../../../ui/form/FieldErrorsContext'
import type { AddressValues } from '../../../form-values'

export interface AddressFieldsProps {
  legend: string
  /** "billingAddress" or "shippingAddress": the body path of this address. */
  path: 'billingAddress' | 'shippingAddress'
  value: AddressValues
  onChange: (value: AddressValues) => void
}

/** The fields of one postal address, in a fieldset. */
export function AddressFields({ legend, path, value, onChange }: AddressFieldsProps) {
  const whole = useFieldErrors(path)
  const set = (key: keyof AddressValues) => (v: string) => onChange({ ...value, [key]: v })
  return (
    <fieldset className="address-fields">
      <legend>{legend}</legend>
      {whole.length ? (
        <ul className="field__errors" role="alert">
          {whole.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <TextField
        label="Address line 1"
        path={`${path}.line1`}
        value={value.line1}
        onChange={set('line1')}
        className="span-2"
      />
      <TextField
        label="Address line 2"
        path={`${path}.line2`}
        value={value.line2}
        onChange={set('line2')}
        className="span-2"
      />
      <TextField label="City" path={`${path}.city`} value={value.city} onChange={set('city')} />
      <TextField label="State / region" path={`${path}.state`} value={value.state} onChange={set('state')} />
      <TextField
        label="Postal code"
        path={`${path}.postalCode`}
        value={value.postalCode}
        onChange={set('postalCode')}
      />
      <SelectField
        label="Country"
        path={`${path}.country`}
        value={value.country}
        onChange={set('country')}
        options={[
          { value: '', label: '—' },
          ...countryOptions().map((c) => ({ value: c.code, label: c.name })),
        ]}
      />
    </fieldset>
  )
}
