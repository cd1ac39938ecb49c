import { fields, opsByType } from '../fields.js'

/** The allow-list, for rule builders: each field's type, ops and (enums) values; plus custom.<key>. */
export function listFields() {
  const data = Object.entries(fields).map(([field, def]) => ({
    field,
    label: def.label,
    type: def.type,
    ops: opsByType[def.type].filter((op) => op !== 'exists' || def.nullable),
    values: def.values ? [...def.values] : null,
  }))
  data.push({
    field: 'custom.<key>',
    label: 'Custom field',
    type: 'custom',
    ops: [...opsByType.custom],
    values: null,
  })
  return { data }
}
