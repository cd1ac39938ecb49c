import { SelectField, TextField } from '../../../../../ui/form/Field'
import { customerTypes, typeLabel } from '../../../labels'
import { FormSection } from '../FormSection'
import type { SectionProps } from '../types'

export function IdentitySection({ values, set }: SectionProps) {
  return (
    <FormSection title="Identity" description="Who the customer is, and your own reference for them.">
      <TextField
        label="Name"
        path="name"
        required
        value={values.name}
        onChange={(v) => set('name', v)}
        autoComplete="off"
        className="span-2"
      />
      <SelectField
        label="Type"
        path="type"
        value={values.type}
        onChange={(v) => set('type', v as typeof values.type)}
        options={customerTypes.map((t) => ({ value: t, label: typeLabel[t] }))}
      />
      <TextField
        label="Custom ID"
        path="customId"
        value={values.customId}
        onChange={(v) => set('customId', v)}
        hint="Your own reference, e.g. from your shop or ERP."
        autoComplete="off"
      />
      <TextField
        label="Registration date"
        path="registrationDate"
        type="date"
        value={values.registrationDate}
        onChange={(v) => set('registrationDate', v)}
        hint="When they became a customer; today if left empty."
      />
    </FormSection>
  )
}
