import type { CustomerFormValues } from '../../form-values'

/** Sets one member of the form's values. */
export type SetFormValue = <K extends keyof CustomerFormValues>(key: K, value: CustomerFormValues[K]) => void

export interface SectionProps {
  values: CustomerFormValues
  set: SetFormValue
}
