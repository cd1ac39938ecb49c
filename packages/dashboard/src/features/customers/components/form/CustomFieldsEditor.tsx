import { useFieldErrors } from '../../../../ui/form/FieldErrorsContext'
import { PlusIcon, TrashIcon } from '../../../../ui/icons'
import { type CustomFieldKind, type CustomFieldRow, newRowId } from '../../form-values'

export interface CustomFieldsEditorProps {
  value: CustomFieldRow[]
  onChange: (value: CustomFieldRow[]) => void
}

const KINDS: { value: CustomFieldKind; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'empty', label: 'Empty' },
]

/** Free key/value pairs of your own (a loyalty number, a referral source), typed text/number/yes-no. */
export function CustomFieldsEditor({ value, onChange }: CustomFieldsEditorProps) {
  const errors = useFieldErrors('customFields')
  const update = (rowId: string, patch: Partial<CustomFieldRow>) =>
    onChange(value.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)))

  return (
    <div className="span-2 custom-fields" id="field-customFields" tabIndex={-1}>
      {value.length ? (
        <table className="kv-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {value.map((row, i) => (
              <tr key={row.rowId}>
                <td>
                  <input
                    className="input"
                    aria-label={`Name of field ${i + 1}`}
                    value={row.key}
                    maxLength={64}
                    onChange={(e) => update(row.rowId, { key: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    className="input"
                    aria-label={`Kind of field ${i + 1}`}
                    value={row.kind}
                    onChange={(e) => {
                      const kind = e.target.value as CustomFieldKind
                      update(row.rowId, {
                        kind,
                        value: kind === 'boolean' ? 'true' : kind === 'empty' ? '' : row.value,
                      })
                    }}
                  >
                    {KINDS.map((k) => (
                      <option key={k.value} value={k.value}>
                        {k.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {row.kind === 'boolean' ? (
                    <select
                      className="input"
                      aria-label={`Value of field ${i + 1}`}
                      value={row.value}
                      onChange={(e) => update(row.rowId, { value: e.target.value })}
                    >
                      <option value="true">Yes</option>
                      <option value="false">No</option>
                    </select>
                  ) : (
                    <input
                      className="input"
                      aria-label={`Value of field ${i + 1}`}
                      value={row.value}
                      disabled={row.kind === 'empty'}
                      inputMode={row.kind === 'number' ? 'decimal' : undefined}
                      onChange={(e) => update(row.rowId, { value: e.target.value })}
                    />
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove field ${row.key || i + 1}`}
                    onClick={() => onChange(value.filter((r) => r.rowId !== row.rowId))}
                  >
                    <TrashIcon />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No custom fields.</p>
      )}
      {errors.length ? (
        <ul className="field__errors" role="alert">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onChange([...value, { rowId: newRowId(), key: '', kind: 'text', value: '' }])}
      >
        <PlusIcon />
        Add field
      </button>
    </div>
  )
}
