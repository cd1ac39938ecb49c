import type { CustomerImport, ImportMapping } from '../api'
import { customFieldKey, importFieldLabels, importFields } from '../fields'

export interface ColumnMappingProps {
  columns: NonNullable<CustomerImport['columns']>
  /** The merchant's changes so far, by header; columns not in it keep what the import chose. */
  mapping: ImportMapping
  onChange: (header: string, field: string | null) => void
  disabled?: boolean
}

/** How each column of the file was understood, changeable: a field, a custom field, or left out. */
export function ColumnMapping({ columns, mapping, onChange, disabled }: ColumnMappingProps) {
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Imported as</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((col, i) => {
            const header = col.header || `Column ${i + 1}`
            const field = header in mapping ? mapping[header] : col.field
            const custom = `customFields.${customFieldKey(header)}`
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a file may repeat a header; the columns never reorder
              <tr key={`${i}-${header}`}>
                <th scope="row" className="strong">
                  {header}
                </th>
                <td>
                  <select
                    className="input input--small"
                    aria-label={`Import “${header}” as`}
                    value={field ?? ''}
                    disabled={disabled}
                    onChange={(e) => onChange(header, e.target.value || null)}
                  >
                    <option value="">Leave out</option>
                    {importFields.map((f) => (
                      <option key={f} value={f}>
                        {importFieldLabels[f]}
                      </option>
                    ))}
                    {field?.startsWith('customFields.') && field !== custom ? (
                      <option value={field}>Custom field “{field.slice(13)}”</option>
                    ) : null}
                    <option value={custom}>Custom field “{custom.slice(13)}”</option>
                  </select>
                </td>
                <td className="muted">
                  {header in mapping ? 'changed: check the file again' : (col.note ?? '')}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
