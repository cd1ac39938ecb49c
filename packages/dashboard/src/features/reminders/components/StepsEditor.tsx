import { REMINDER_KIND_LABELS, type ReminderKind, type ReminderStep } from '../api'

export interface StepsEditorProps {
  steps: ReminderStep[]
  onChange: (steps: ReminderStep[]) => void
  disabled?: boolean
  /** The API's field errors (`steps.2.offsetDays`), shown beside the step they name. */
  errors?: { path: string; message: string }[]
}

const KINDS = Object.keys(REMINDER_KIND_LABELS) as ReminderKind[]

/** "3 days before the due date", "on the issue date". */
export function describeStep(step: Pick<ReminderStep, 'offsetDays' | 'relativeTo'>): string {
  const date = step.relativeTo === 'due' ? 'the due date' : 'the issue date'
  if (step.offsetDays === 0) return `On ${date}`
  const days = Math.abs(step.offsetDays)
  return `${days} day${days === 1 ? '' : 's'} ${step.offsetDays < 0 ? 'before' : 'after'} ${date}`
}

/** The steps of a reminder schedule as an editable table: offset, date, kind, on/off, remove. */
export function StepsEditor({ steps, onChange, disabled = false, errors = [] }: StepsEditorProps) {
  const update = (i: number, patch: Partial<ReminderStep>) =>
    onChange(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)))
  const add = () => {
    const last = steps.at(-1)
    const offsetDays = (last?.offsetDays ?? 0) + 7
    // Keys are the steps' identity (and the rows' keys here): a new step gets one no other step has.
    const taken = new Set(steps.map((s) => s.key))
    let key = `due+${offsetDays}`
    for (let n = 2; taken.has(key); n++) key = `due+${offsetDays}-${n}`
    onChange([...steps, { key, offsetDays, relativeTo: 'due', kind: 'reminder_overdue_2', enabled: true }])
  }
  return (
    <div className="stack">
      {steps.length === 0 ? <p className="muted">No reminders: invoices are not followed up.</p> : null}
      {steps.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Days</th>
              <th scope="col">From</th>
              <th scope="col">Email</th>
              <th scope="col">On</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step, i) => {
              const stepErrors = errors.filter(
                (e) => e.path.startsWith(`steps.${i}.`) || e.path === `steps.${i}`,
              )
              return (
                <tr key={step.key}>
                  <td>
                    {describeStep(step)}
                    {stepErrors.map((e) => (
                      <div key={e.path} className="field__error" role="alert">
                        {e.message}
                      </div>
                    ))}
                  </td>
                  <td>
                    <input
                      className="input"
                      type="number"
                      aria-label={`Step ${i + 1} days`}
                      value={step.offsetDays}
                      step={1}
                      disabled={disabled}
                      onChange={(e) => update(i, { offsetDays: Number(e.target.value) })}
                    />
                  </td>
                  <td>
                    <select
                      className="input"
                      aria-label={`Step ${i + 1} counted from`}
                      value={step.relativeTo}
                      disabled={disabled}
                      onChange={(e) =>
                        update(i, { relativeTo: e.target.value as ReminderStep['relativeTo'] })
                      }
                    >
                      <option value="due">Due date</option>
                      <option value="issue">Issue date</option>
                    </select>
                  </td>
                  <td>
                    <select
                      className="input"
                      aria-label={`Step ${i + 1} email`}
                      value={step.kind}
                      disabled={disabled}
                      onChange={(e) => update(i, { kind: e.target.value as ReminderKind })}
                    >
                      {KINDS.map((k) => (
                        <option key={k} value={k}>
                          {REMINDER_KIND_LABELS[k]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Step ${i + 1} enabled`}
                      checked={step.enabled}
                      disabled={disabled}
                      onChange={(e) => update(i, { enabled: e.target.checked })}
                    />
                  </td>
                  <td>
                    {disabled ? null : (
                      <button
                        type="button"
                        className="button button--ghost"
                        aria-label={`Remove step ${i + 1}`}
                        onClick={() => onChange(steps.filter((_, j) => j !== i))}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
      {disabled ? null : (
        <div>
          <button type="button" className="button" onClick={add}>
            Add step
          </button>
        </div>
      )}
    </div>
  )
}
