import { SelectField } from '../../../../../ui/form/Field'
import { customerStatuses, customerTiers, statusLabel, tierLabel } from '../../../labels'
import { FormSection } from '../FormSection'
import { TagInput } from '../TagInput'
import type { SectionProps } from '../types'

export function ClassificationSection({ values, set }: SectionProps) {
  return (
    <FormSection
      title="Classification"
      description="Status, tier and tags let you filter and segment customers."
    >
      <SelectField
        label="Status"
        path="status"
        value={values.status}
        onChange={(v) => set('status', v as typeof values.status)}
        options={customerStatuses.map((s) => ({ value: s, label: statusLabel[s] }))}
      />
      <SelectField
        label="Tier"
        path="tier"
        value={values.tier}
        onChange={(v) => set('tier', v as typeof values.tier)}
        options={[
          { value: '', label: 'No tier' },
          ...customerTiers.map((t) => ({ value: t, label: tierLabel[t] })),
        ]}
      />
      <TagInput value={values.tags} onChange={(v) => set('tags', v)} />
    </FormSection>
  )
}
