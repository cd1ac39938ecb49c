import type { SegmentField } from '../api'
import { type ConditionDraft, newDraft, opLabels } from './rule-values'

export interface RuleBuilderProps {
  fields: readonly SegmentField[]
  match: 'all' | 'any'
  onMatch: (match: 'all' | 'any') => void
  conditions: readonly ConditionDraft[]
  onChange: (conditions: ConditionDraft[]) => void
  /** Problems the API found, by condition index (from `rule.all[2].op`). */
  errors: ReadonlyMap<number, string[]>
}

/** A rule as rows of field / operator / value under "all" or "any"; every change previews live. */
export function RuleBuilder({ fields, match, onMatch, conditions, onChange, errors }: RuleBuilderProps) {
  const byName = new Map(fields.map((f) => [f.field, f]))
  const update = (i: number, patch: Partial<ConditionDraft>) =>
    onChange(conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)))

  return (
    <fieldset className="rule-builder">
      <legend className="rule-builder__legend">
        Customers matching{' '}
        <select
          aria-label="Match"
          className="input input--small"
          value={match}
          onChange={(e) => onMatch(e.target.value as 'all' | 'any')}
        >
          <option value="all">all</option>
          <option value="any">any</option>
        </select>{' '}
        of these conditions
      </legend>
      <ol className="rule-builder__rows">
        {conditions.map((c, i) => {
          const field = byName.get(c.field)
          const ops = field?.ops ?? []
          const n = i + 1
          return (
            <li key={c.key} className="rule-builder__row">
              <select
                aria-label={`Field ${n}`}
                className="input input--small"
                value={c.field}
                onChange={(e) => {
                  const next = byName.get(e.target.value)
                  update(i, { field: e.target.value, op: next?.ops[0] ?? 'eq', value: '', value2: '' })
                }}
              >
                {fields.map((f) => (
                  <option key={f.field} value={f.field}>
                    {f.label}
                  </option>
                ))}
              </select>
              {c.field === 'custom.<key>' ? (
                <input
                  aria-label={`Custom field name ${n}`}
                  className="input input--small"
                  placeholder="key"
                  value={c.customKey}
                  onChange={(e) => update(i, { customKey: e.target.value })}
                />
              ) : null}
              <select
                aria-label={`Operator ${n}`}
                className="input input--small"
                value={c.op}
                onChange={(e) => update(i, { op: e.target.value })}
              >
                {ops.map((op) => (
                  <option key={op} value={op}>
                    {opLabels[op] ?? op}
                  </option>
                ))}
              </select>
              {c.op === 'exists' ? null : field?.values && (c.op === 'eq' || c.op === 'neq') ? (
                <select
                  aria-label={`Value ${n}`}
                  className="input input--small"
                  value={c.value}
                  onChange={(e) => update(i, { value: e.target.value })}
                >
                  <option value="">Choose…</option>
                  {field.values.map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              ) : field?.type === 'boolean' ? (
                <select
                  aria-label={`Value ${n}`}
                  className="input input--small"
                  value={c.value}
                  onChange={(e) => update(i, { value: e.target.value })}
                >
                  <option value="">Choose…</option>
                  <option value="true">yes</option>
                  <option value="false">no</option>
                </select>
              ) : (
                <input
                  aria-label={`Value ${n}`}
                  className="input input--small"
                  placeholder={c.op === 'in' || c.op === 'notIn' ? 'a, b, c' : ''}
                  inputMode={c.op === 'withinLast' || c.op === 'notWithinLast' ? 'numeric' : undefined}
                  value={c.value}
                  onChange={(e) => update(i, { value: e.target.value })}
                />
              )}
              {c.op === 'between' ? (
                <input
                  aria-label={`Upper bound ${n}`}
                  className="input input--small"
                  value={c.value2}
                  onChange={(e) => update(i, { value2: e.target.value })}
                />
              ) : null}
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={`Remove condition ${n}`}
                onClick={() => onChange(conditions.filter((_, j) => j !== i))}
              >
                Remove
              </button>
              {errors.get(i)?.length ? (
                <p className="field__errors" role="alert">
                  {errors.get(i)?.join('; ')}
                </p>
              ) : null}
            </li>
          )
        })}
      </ol>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onChange([...conditions, newDraft()])}
      >
        Add condition
      </button>
    </fieldset>
  )
}
