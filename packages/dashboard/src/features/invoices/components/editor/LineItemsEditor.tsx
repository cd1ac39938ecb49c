import type { ReactNode } from 'react'
import { formatMoneyOrDash } from '../../../../format/money'
import { fieldId, useFieldErrors } from '../../../../ui/form/FieldErrorsContext'
import { PlusIcon, TrashIcon } from '../../../../ui/icons'
import type { TaxRate } from '../../api'
import { formatMinor } from '../../totals'
import { type EditorLine, emptyLine } from './editor-values'

interface CellProps {
  path: string
  label: string
  children: (control: {
    id: string
    'aria-label': string
    'aria-invalid': boolean
    'aria-describedby': string | undefined
  }) => ReactNode
}

/** One input of a line, with the API's (or the editor's) messages for its path under it. */
function Cell({ path, label, children }: CellProps) {
  const errors = useFieldErrors(path)
  const id = fieldId(path)
  const errorId = errors.length ? `${id}-error` : undefined
  return (
    <td className={errors.length ? 'field--invalid' : undefined}>
      {children({ id, 'aria-label': label, 'aria-invalid': errors.length > 0, 'aria-describedby': errorId })}
      {errors.length ? (
        <ul className="field__errors" id={errorId}>
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </td>
  )
}

/** Errors about the lines as a whole ("must have at least one line", a total of zero). */
function LinesErrors() {
  const errors = useFieldErrors('lines')
  return errors.length ? (
    <ul className="field__errors" id={fieldId('lines')}>
      {errors.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  ) : null
}

export interface LineItemsEditorProps {
  lines: EditorLine[]
  onChange: (lines: EditorLine[]) => void
  taxRates: readonly TaxRate[]
  /** Each line's amount in minor units (null while its numbers are not valid). */
  amounts: readonly (bigint | null)[]
  currency: string
  decimals: number
  /** A tax-exempt customer: the tax column is shown but not charged. */
  taxExempt: boolean
}

/** The invoice's lines: description, quantity, unit price, tax rate and the line's exact amount. */
export function LineItemsEditor({
  lines,
  onChange,
  taxRates,
  amounts,
  currency,
  decimals,
  taxExempt,
}: LineItemsEditorProps) {
  const update = (index: number, patch: Partial<EditorLine>) =>
    onChange(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)))
  return (
    <div className="line-editor">
      <div className="table-wrap">
        <table className="table" aria-label="Lines">
          <thead>
            <tr>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Quantity
              </th>
              <th scope="col" className="num">
                Unit price ({currency})
              </th>
              {taxRates.length ? <th scope="col">Tax</th> : null}
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => {
              const amount = amounts[i]
              const n = i + 1
              return (
                <tr key={line.key}>
                  <Cell path={`lines.${i}.description`} label={`Line ${n} description`}>
                    {(control) => (
                      <input
                        {...control}
                        className="input"
                        value={line.description}
                        placeholder="What you bill"
                        onChange={(e) => update(i, { description: e.target.value })}
                      />
                    )}
                  </Cell>
                  <Cell path={`lines.${i}.quantity`} label={`Line ${n} quantity`}>
                    {(control) => (
                      <input
                        {...control}
                        className="input input--num"
                        inputMode="decimal"
                        value={line.quantity}
                        onChange={(e) => update(i, { quantity: e.target.value })}
                      />
                    )}
                  </Cell>
                  <Cell path={`lines.${i}.unitAmount`} label={`Line ${n} unit price`}>
                    {(control) => (
                      <input
                        {...control}
                        className="input input--num"
                        inputMode="decimal"
                        placeholder="0.00"
                        value={line.unitAmount}
                        onChange={(e) => update(i, { unitAmount: e.target.value })}
                      />
                    )}
                  </Cell>
                  {taxRates.length ? (
                    <Cell path={`lines.${i}.taxRateId`} label={`Line ${n} tax`}>
                      {(control) => (
                        <select
                          {...control}
                          className="input"
                          value={line.taxRateId}
                          onChange={(e) => update(i, { taxRateId: e.target.value })}
                        >
                          <option value="">No tax</option>
                          {taxRates.map((r) => (
                            <option key={r.id} value={r.id}>
                              {r.name} ({r.percentage}%)
                            </option>
                          ))}
                        </select>
                      )}
                    </Cell>
                  ) : null}
                  <td className="num nowrap" aria-label={`Line ${n} amount`}>
                    {amount == null ? '—' : formatMoneyOrDash(formatMinor(amount, decimals), currency)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove line ${n}`}
                      disabled={lines.length === 1}
                      onClick={() => onChange(lines.filter((_, j) => j !== i))}
                    >
                      <TrashIcon />
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <LinesErrors />
      <div className="line-editor__footer">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={lines.length >= 100}
          onClick={() => onChange([...lines, emptyLine()])}
        >
          <PlusIcon />
          Add line
        </button>
        {taxExempt && taxRates.length ? (
          <span className="muted">This customer is tax-exempt: their lines are billed without tax.</span>
        ) : null}
      </div>
    </div>
  )
}
