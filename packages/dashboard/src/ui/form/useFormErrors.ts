import { useEffect, useMemo } from 'react'
import { ApiProblem, errorMessage, type FieldError } from '../../api/problem'
import { fieldId } from './FieldErrorsContext'
import { firstErrorField, type MappedFieldErrors, mapFieldErrors } from './field-errors'

const NO_ERRORS: readonly FieldError[] = []

export interface FormErrors extends MappedFieldErrors {
  /** A sentence for the top of the form when the request failed, or undefined. */
  summary: string | undefined
}

/**
 * Turns a failed submit (an {@link ApiProblem}, or field errors found before sending) into messages per
 * field, and moves focus to the first field in error so keyboard and screen-reader users land on it.
 * Pass stable `fields` and `localErrors` (constants or memoised): focus moves whenever they change.
 */
export function useFormErrors(
  error: unknown,
  fields: readonly string[],
  localErrors: readonly FieldError[] = NO_ERRORS,
): FormErrors {
  const result = useMemo<FormErrors>(() => {
    const apiErrors = error instanceof ApiProblem ? error.fieldErrors : []
    const mapped = mapFieldErrors([...localErrors, ...apiErrors], fields)
    let summary: string | undefined
    if (localErrors.length) summary = 'Some fields need attention.'
    else if (error) summary = errorMessage(error)
    return { ...mapped, summary }
  }, [error, fields, localErrors])

  useEffect(() => {
    const first = firstErrorField(result, fields)
    if (first) document.getElementById(fieldId(first))?.focus()
  }, [result, fields])

  return result
}
