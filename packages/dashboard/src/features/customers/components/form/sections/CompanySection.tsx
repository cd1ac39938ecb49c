import { TextField } from '../../../../../ui/form/Field'
import { FormSection } from '../FormSection'
import type { SectionProps } from '../types'

export function CompanySection({ values, set }: SectionProps) {
  return (
    <FormSection title="Company" description="Where they work and the tax numbers that go on invoices.">
      <TextField label="Company" path="company" value={values.company} onChange={(v) => set('company', v)} />
      <TextField
        label="Job title"
        path="jobTitle"
        value={values.jobTitle}
        onChange={(v) => set('jobTitle', v)}
      />
      <TextField label="Tax ID" path="taxId" value={values.taxId} onChange={(v) => set('taxId', v)} />
      <TextField
        label="VAT number"
        path="vatNumber"
        value={values.vatNumber}
        onChange={(v) => set('vatNumber', v)}
        placeholder="PT123456789"
      />
    </FormSection>
  )
}
