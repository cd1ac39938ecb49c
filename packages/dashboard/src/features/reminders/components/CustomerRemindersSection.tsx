import { useState } from 'react'
import { ApiProblem } from '../../../api/problem'
import { ErrorAlert } from '../../../ui/Alert'
import { LoadingBlock } from '../../../ui/Spinner'
import type { ReminderStep } from '../api'
import { useCustomerReminderPolicy, useSetCustomerReminderPolicy } from '../hooks/queries'
import { describeStep, StepsEditor } from './StepsEditor'

export interface CustomerRemindersSectionProps {
  customerId: string
  canWrite: boolean
}

/** The customer profile's reminders: the merchant's schedule, or this customer's own (an override). */
export function CustomerRemindersSection({ customerId, canWrite }: CustomerRemindersSectionProps) {
  const policy = useCustomerReminderPolicy(customerId)
  const save = useSetCustomerReminderPolicy(customerId)
  const [editing, setEditing] = useState<ReminderStep[] | null>(null)
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : []
  return (
    <section className="card stack" aria-label="Reminders">
      <h2 className="card__title">Reminders</h2>
      {policy.isError ? (
        <ErrorAlert
          error={policy.error}
          title="The reminders could not be loaded"
          onRetry={() => policy.refetch()}
        />
      ) : !policy.data ? (
        <LoadingBlock label="Loading the reminders" />
      ) : editing ? (
        <>
          {save.isError ? <ErrorAlert error={save.error} title="The reminders were not saved" /> : null}
          <StepsEditor steps={editing} onChange={setEditing} errors={errors} />
          <div className="row">
            <button
              type="button"
              className="button button--primary"
              disabled={save.isPending}
              onClick={() => save.mutate(editing, { onSuccess: () => setEditing(null) })}
            >
              Save for this customer
            </button>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">
            {policy.data.inherited ? 'Your schedule' : 'This customer’s own schedule'}, at 09:00{' '}
            {policy.data.timezone}.
          </p>
          {policy.data.steps.filter((s) => s.enabled).length === 0 ? (
            <p>No reminders.</p>
          ) : (
            <ul>
              {policy.data.steps
                .filter((s) => s.enabled)
                .map((s) => (
                  <li key={s.key}>{describeStep(s)}</li>
                ))}
            </ul>
          )}
          {canWrite ? (
            <div className="row">
              <button type="button" className="button" onClick={() => setEditing(policy.data.steps)}>
                {policy.data.inherited ? 'Customize for this customer' : 'Edit'}
              </button>
              {policy.data.inherited ? null : (
                <button
                  type="button"
                  className="button button--ghost"
                  disabled={save.isPending}
                  onClick={() => save.mutate(null)}
                >
                  Use your schedule
                </button>
              )}
            </div>
          ) : null}
        </>
      )}
    </section>
  )
}
