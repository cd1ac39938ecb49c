import { createContext, useContext } from 'react'

/** Field path → messages, provided by a form so each field finds its own errors. */
export const FieldErrorsContext = createContext<Record<string, string[]>>({})

export function useFieldErrors(path: string): string[] {
  return useContext(FieldErrorsContext)[path] ?? []
}

/** The DOM id of the control for a field path ("billingAddress.country" → "field-billingAddress-country"). */
export function fieldId(path: string): string {
  return `field-${path.replaceAll('.', '-')}`
}
