import { type FormEvent, useEffect, useState } from 'react'
import { ApiProblem } from '../../../api/problem'
import { Alert, ErrorAlert } from '../../../ui/Alert'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useCurrentMe } from '../../auth/hooks/useMe'
import type { ReminderPolicy, ReminderStep } from '../api'
import { useReminderPolicy, useUpdateReminderPolicy } from '../hooks/queries'
import { StepsEditor } from './StepsEditor'

/** /settings/reminders — the reminder schedule, the merchant's time zone and the renewal notice. */
export function RemindersSettingsPage() {
  const policy = useReminderPolicy()
  const canWrite = useCurrentMe().role !== 'viewer'
  return (
    <>
      <DocumentTitle title="Reminders" />
      <PageHeader
        title="Reminders"
        description="When Coinbook follows up unpaid invoices: at 09:00 in each customer’s time zone."
      />
      {policy.isError ? (
        <ErrorAlert
          error={policy.error}
          title="The reminder schedule could not be loaded"
          onRetry={() => policy.refetch()}
        />
      ) : !policy.data ? (
        <LoadingBlock label="Loading the reminder schedule" />
      ) : (
        <PolicyForm policy={policy.data} canWrite={canWrite} />
      )}
    </>
  )
}

function PolicyForm({ policy, canWrite }: { policy: ReminderPolicy; canWrite: boolean }) {
  const [steps, setSteps] = useState<ReminderStep[]>(policy.steps)
  const [timezone, setTimezone] = useState(policy.timezone ?? '')
  const [renewal, setRenewal] = useState(
    policy.renewalNoticeDays === null ? '' : String(policy.renewalNoticeDays),
  )
  const update = useUpdateReminderPolicy()
  useEffect(() => {
    setSteps(policy.steps)
    setTimezone(policy.timezone ?? '')
    setRenewal(policy.renewalNoticeDays === null ? '' : String(policy.renewalNoticeDays))
  }, [policy])
  const errors = update.error instanceof ApiProblem ? update.error.fieldErrors : []
  const submit = (e: FormEvent) => {
    e.preventDefault()
    update.mutate({
      steps,
      timezone: timezone.trim() || null,
      renewalNoticeDays: renewal.trim() === '' ? null : Number(renewal),
    })
  }
  const fieldError = (path: string) => errors.find((e) => e.path === path)?.message
  return (
    <form className="stack" aria-label="Reminder schedule" onSubmit={submit}>
      {update.isError ? <ErrorAlert error={update.error} title="The schedule was not saved" /> : null}
      {update.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
      <section className="card stack" aria-label="Steps">
        <h2 className="card__title">Schedule{policy.isDefault ? ' (the defaults)' : ''}</h2>
        <StepsEditor steps={steps} onChange={setSteps} disabled={!canWrite} errors={errors} />
      </section>
      <section className="card stack" aria-label="Time zone and renewals">
        <div className="field">
          <label className="field__label" htmlFor="reminder-timezone">
            Your time zone
          </label>
          <input
            id="reminder-timezone"
            className="input"
            value={timezone}
            disabled={!canWrite}
            placeholder="UTC"
            list="reminder-zones"
            onChange={(e) => setTimezone(e.target.value)}
          />
          <span className="field__hint">
            For customers without their own time zone. IANA name, e.g. Europe/Lisbon.
          </span>
          {fieldError('timezone') ? (
            <span className="field__error" role="alert">
              {fieldError('timezone')}
            </span>
          ) : null}
        </div>
        <datalist id="reminder-zones">
          {supportedZones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="field">
          <label className="field__label" htmlFor="reminder-renewal">
            Renewal notice (days before a subscription renews)
          </label>
          <input
            id="reminder-renewal"
            className="input"
            type="number"
            min={0}
            max={60}
            value={renewal}
            disabled={!canWrite}
            placeholder="None"
            onChange={(e) => setRenewal(e.target.value)}
          />
          {fieldError('renewalNoticeDays') ? (
            <span className="field__error" role="alert">
              {fieldError('renewalNoticeDays')}
            </span>
          ) : null}
        </div>
      </section>
      {canWrite ? (
        <div>
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            Save schedule
          </button>
        </div>
      ) : null}
    </form>
  )
}

function supportedZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] }
  return intl.supportedValuesOf?.('timeZone') ?? []
}
