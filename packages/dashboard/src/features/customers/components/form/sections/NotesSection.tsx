import { Field } from '../../../../../ui/form/Field'
import { CustomFieldsEditor } from '../CustomFieldsEditor'
import { FormSection } from '../FormSection'
import type { SectionProps } from '../types'

export function NotesSection({ values, set }: SectionProps) {
  return (
    <FormSection title="Notes" description="Anything your team should know. Only you and your team see it.">
      <Field label="Notes" path="notes" className="span-2">
        {(control) => (
          <textarea
            {...control}
            className="input textarea"
            rows={5}
            value={values.notes}
            onChange={(e) => set('notes', e.target.value)}
          />
        )}
      </Field>
    </FormSection>
  )
}

export function CustomFieldsSection({ values, set }: SectionProps) {
  return (
    <FormSection
      title="Custom fields"
      description="Your own data about this customer, such as a loyalty number."
    >
      <CustomFieldsEditor value={values.customFields} onChange={(v) => set('customFields', v)} />
    </FormSection>
  )
}
