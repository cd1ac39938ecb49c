import { type FormEvent, useMemo, useState } from 'react'
import { Link } from 'react-router'
import { ApiProblem } from '../../../api/problem'
import { ErrorAlert } from '../../../ui/Alert'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import type { RuleGroup } from '../api'
import { useCreateSegment, useSegmentFields, useSegmentPreview } from '../hooks/queries'
import { RuleBuilder } from './RuleBuilder'
import { type ConditionDraft, newDraft, toCondition } from './rule-values'
import { BuiltinSegmentList, SavedSegmentList } from './SegmentLists'

/** A row is sent once it says something: a value typed (or an op that needs none). */
const complete = (d: ConditionDraft) =>
  (d.op === 'exists' || d.value.trim() !== '') && (d.field !== 'custom.<key>' || d.customKey.trim() !== '')

/** /segments: build a rule with a live count, save it, and the saved and built-in segments. */
export function SegmentsPage() {
  const fields = useSegmentFields()
  const [match, setMatch] = useState<'all' | 'any'>('all')
  const [conditions, setConditions] = useState<ConditionDraft[]>(() => [newDraft()])
  const [name, setName] = useState('')
  const create = useCreateSegment()

  const byName = useMemo(() => new Map((fields.data ?? []).map((f) => [f.field, f])), [fields.data])
  const sent = conditions.map((c, i) => ({ c, i })).filter(({ c }) => complete(c))
  const rule = useMemo<RuleGroup>(() => {
    const items = sent.map(({ c }) => toCondition(c, byName.get(c.field)))
    return match === 'all' ? { all: items } : { any: items }
  }, [sent, match, byName])
  const preview = useSegmentPreview(rule, fields.isSuccess)

  // `rule.all[2].value` → the builder's row of the 3rd sent condition.
  const errors = useMemo(() => {
    const out = new Map<number, string[]>()
    const problem =
      preview.error instanceof ApiProblem
        ? preview.error
        : create.error instanceof ApiProblem
          ? create.error
          : null
    for (const e of problem?.fieldErrors ?? []) {
      const m = /^rule\.(?:all|any)\[(\d+)\]/.exec(e.path)
      const row = m ? sent[Number(m[1])]?.i : undefined
      if (row !== undefined)
        out.set(row, [
          ...(out.get(row) ?? []),
          `${e.path.replace(/^rule\.(all|any)\[\d+\]\.?/, '') || 'condition'} ${e.message}`,
        ])
    }
    return out
  }, [preview.error, create.error, sent])

  const onSave = (e: FormEvent) => {
    e.preventDefault()
    create.mutate({ name: name.trim(), rule }, { onSuccess: () => setName('') })
  }

  const count = preview.data?.count
  return (
    <>
      <DocumentTitle title="Segments" />
      <PageHeader
        title="Segments"
        description="Groups of customers by who they are and how they pay, always up to date."
      />
      <section className="card" aria-labelledby="builder-title">
        <h2 id="builder-title" className="card__title">
          Build a segment
        </h2>
        {fields.isPending ? (
          <LoadingBlock label="Loading fields" />
        ) : fields.isError ? (
          <ErrorAlert
            error={fields.error}
            title="The fields could not be loaded"
            onRetry={() => void fields.refetch()}
          />
        ) : (
          <>
            <RuleBuilder
              fields={fields.data}
              match={match}
              onMatch={setMatch}
              conditions={conditions}
              onChange={setConditions}
              errors={errors}
            />
            <p className="segment-count" aria-live="polite" data-testid="segment-count">
              {count === undefined
                ? 'Counting…'
                : `${count.toLocaleString()} ${count === 1 ? 'customer matches' : 'customers match'}`}
              {preview.isFetching ? <span className="muted"> · updating</span> : null}
            </p>
            {preview.error && !(preview.error instanceof ApiProblem && preview.error.status === 422) ? (
              <ErrorAlert error={preview.error} title="The count could not be updated" />
            ) : null}
            {preview.data?.data.length ? (
              <ul className="segment-sample" aria-label="First matching customers">
                {preview.data.data.map((c) => (
                  <li key={c.id}>
                    <Link to={`/customers/${c.id}`}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
            <form className="segment-save" onSubmit={onSave}>
              <label className="field">
                <span className="field__label">Name</span>
                <input
                  className="input"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  required
                  maxLength={100}
                />
              </label>
              <button
                type="submit"
                className="button button--primary"
                disabled={create.isPending || !name.trim()}
              >
                Save segment
              </button>
            </form>
            {create.error && !(create.error instanceof ApiProblem && create.error.status === 422) ? (
              <ErrorAlert error={create.error} title="The segment was not saved" />
            ) : null}
          </>
        )}
      </section>
      <SavedSegmentList />
      <BuiltinSegmentList />
    </>
  )
}
