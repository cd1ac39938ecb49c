import type { ReactNode } from 'react'
import { fieldId, useFieldErrors } from './FieldErrorsContext'

export interface ControlProps {
  id: string
  name: string
  'aria-invalid': boolean
  'aria-describedby': string | undefined
}

export interface FieldProps {
  label: string
  /** The body path the API uses for this field, e.g. "billingAddress.city". */
  path: string
  hint?: ReactNode
  required?: boolean
  className?: string
  /** Errors found before sending (added to those the API returned). */
  localErrors?: string[]
  children: (control: ControlProps) => ReactNode
}

/** A label, a control, an optional hint and the field's error messages, wired for screen readers. */
export function Field({ label, path, hint, required, className, localErrors = [], children }: FieldProps) {
  const errors = [...useFieldErrors(path), ...localErrors]
  const id = fieldId(path)
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = errors.length ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${errors.length ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children({ id, name: path, 'aria-invalid': errors.length > 0, 'aria-describedby': describedBy })}
      {errors.length ? (
        <ul className="field__errors" id={errorId}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}

export interface TextFieldProps extends Omit<FieldProps, 'children'> {
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'search' | 'number'
  autoComplete?: string
  placeholder?: string
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel'
  autoFocus?: boolean
}

/** A text input inside a {@link Field}. */
export function TextField({
  value,
  onChange,
  type = 'text',
  autoComplete,
  placeholder,
  inputMode,
  autoFocus,
  ...field
}: TextFieldProps) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          className="input"
          type={type}
          value={value}
          required={field.required}
          autoComplete={autoComplete}
          placeholder={placeholder}
          inputMode={inputMode}
          // biome-ignore lint/a11y/noAutofocus: the first field of a sign-in page is where the user starts
          autoFocus={autoFocus}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  )
}

export interface SelectFieldProps extends Omit<FieldProps, 'children'> {
  value: string
  onChange: (value: string) => void
  options: readonly { value: string; label: string }[]
}

/** A native select inside a {@link Field}. */
export function SelectField({ value, onChange, options, ...field }: SelectFieldProps) {
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
