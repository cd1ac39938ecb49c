import { countryOptions, timeZoneOptions } from '../../../../../format/countries'
import { SelectField, TextField } from '../../../../../ui/form/Field'
import { FormSection } from '../FormSection'
import type { SectionProps } from '../types'

export function ContactSection({ values, set }: SectionProps) {
  return (
    <FormSection title="Contact" description="How to reach them. The email is unique among your customers.">
      <TextField
        label="Email"
        path="email"
        type="email"
        value={values.email}
        onChange={(v) => set('email', v)}
        autoComplete="off"
        placeholder="name@example.com"
      />
      <TextField
        label="Phone"
        path="phone"
        type="tel"
        value={values.phone}
        onChange={(v) => set('phone', v)}
        autoComplete="off"
        placeholder="+351 912 345 678"
      />
      <SelectField
        label="Country"
        path="country"
        value={values.country}
        onChange={(v) => set('country', v)}
        options={[
          { value: '', label: '—' },
          ...countryOptions().map((c) => ({ value: c.code, label: c.name })),
        ]}
      />
      <SelectField
        label="Time zone"
        path="timezone"
        value={values.timezone}
        onChange={(v) => set('timezone', v)}
        options={[{ value: '', label: '—' }, ...timeZoneOptions().map((z) => ({ value: z, label: z }))]}
      />
    </FormSection>
  )
}
