import { useState } from 'react'
import { Link } from 'react-router'
import { Alert, ErrorAlert } from '../../../ui/Alert'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import type { CustomerImport, ImportMapping } from '../api'
import { isWorking, useImport, useRunImport, useUploadImport } from '../hooks/queries'
import { ColumnMapping } from './ColumnMapping'
import { ImportProgress } from './ImportProgress'
import { ImportReport } from './ImportReport'
import { ImportUploadForm } from './ImportUploadForm'

const fmt = new Intl.NumberFormat('en-US')
const plural = (n: number, one: string, many = `${one}s`) => `${fmt.format(n)} ${n === 1 ? one : many}`

/**
 * /customers/import: upload a file, check how its columns were read and what the import would do (a dry
 * run, nothing written), change the mapping and check again, then confirm; the import's progress and
 * result follow.
 */
export function ImportPage() {
  const [importId, setImportId] = useState<string | null>(null)
  const upload = useUploadImport()
  const imp = useImport(importId)
  const startAgain = () => {
    setImportId(null)
    upload.reset()
  }

  return (
    <>
      <DocumentTitle title="Import customers" />
      <PageHeader
        title="Import customers"
        breadcrumb={<Link to="/customers">Customers</Link>}
        description="Bring your customers from a spreadsheet or another system. Nothing is written until you confirm."
      />
      <section className="card" aria-label="Import">
        {importId === null ? (
          <>
            {upload.isError ? (
              <ErrorAlert error={upload.error} title="The file could not be checked" />
            ) : null}
            <ImportUploadForm
              busy={upload.isPending}
              onUpload={(file, options) =>
                upload.mutate({ file, options }, { onSuccess: (created) => setImportId(created.id) })
              }
            />
          </>
        ) : imp.isPending ? (
          <LoadingBlock label="Loading the import" />
        ) : imp.isError ? (
          <ErrorAlert
            error={imp.error}
            title="The import could not be loaded"
            onRetry={() => void imp.refetch()}
          />
        ) : (
          <ImportState key={imp.data.status + imp.data.startedAt} imp={imp.data} onStartAgain={startAgain} />
        )}
      </section>
    </>
  )
}

interface ImportStateProps {
  imp: CustomerImport
  onStartAgain: () => void
}

/** One import as it stands: in progress, checked (confirm or change the mapping), done or failed. */
function ImportState({ imp, onStartAgain }: ImportStateProps) {
  const run = useRunImport(imp.id)
  const [mapping, setMapping] = useState<ImportMapping>({})
  const changed = Object.keys(mapping).length > 0
  const again = (
    <button type="button" className="button button--secondary" onClick={onStartAgain}>
      Import another file
    </button>
  )

  if (isWorking(imp)) return <ImportProgress imp={imp} />

  const fullMapping = () =>
    Object.fromEntries(
      (imp.columns ?? []).map((c, i) => {
        const header = c.header || `Column ${i + 1}`
        return [header, header in mapping ? (mapping[header] ?? null) : c.field]
      }),
    )
  const c = imp.counts
  const canRun = imp.canRun && !run.isPending

  // The result replaces the form or button that had the focus (this state mounts for each run): its
  // message takes the focus, so the keyboard carries on from here and screen readers read it.
  return (
    <div className="stack">
      {imp.fileName ? <p className="muted">{imp.fileName}</p> : null}
      {imp.status === 'completed' ? (
        <Alert tone="success" title="Import finished" focusOnMount>
          {plural(c.created, 'customer')} created, {fmt.format(c.updated)} updated
          {c.skipped ? `, ${fmt.format(c.skipped)} skipped` : ''}
          {c.invalid ? `, ${plural(c.invalid, 'row')} with errors not imported` : ''}.
        </Alert>
      ) : imp.status === 'failed' ? (
        // A check (dry run) imports nothing anyway: say what failed.
        <Alert
          tone="error"
          title={imp.dryRun ? 'The file could not be checked' : 'Nothing was imported'}
          focusOnMount
        >
          {imp.failure?.message ?? 'Something went wrong. Try again.'}
        </Alert>
      ) : imp.status === 'validated' ? (
        <Alert tone={c.invalid ? 'warning' : 'info'} title="Checked: nothing is written yet" focusOnMount>
          {c.invalid
            ? `${plural(c.invalid, 'row')} of ${fmt.format(c.rows)} ${c.invalid === 1 ? 'has' : 'have'} errors. Fix them in the file and upload it again, or import the valid rows only.`
            : `All ${plural(c.rows, 'row')} can be imported.`}
        </Alert>
      ) : null}
      {run.isError ? <ErrorAlert error={run.error} title="The import could not start" /> : null}

      {imp.columns && imp.status !== 'completed' ? (
        <div className="stack">
          <h2 className="card__title">Columns</h2>
          <ColumnMapping
            columns={imp.columns}
            mapping={mapping}
            disabled={!canRun}
            onChange={(header, field) => setMapping((m) => ({ ...m, [header]: field }))}
          />
        </div>
      ) : null}
      <ImportReport imp={imp} />

      <div className="form-actions">
        {canRun && changed ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => run.mutate({ dryRun: true, mapping: fullMapping() })}
          >
            Check again with these columns
          </button>
        ) : canRun && imp.status === 'validated' && c.valid > 0 ? (
          c.invalid > 0 && imp.options.onError === 'abort' ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => run.mutate({ dryRun: false, onError: 'skip' })}
            >
              Import {plural(c.valid, 'valid row')}, skip {plural(c.invalid, 'row')} with errors
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              onClick={() => run.mutate({ dryRun: false })}
            >
              Import {plural(c.valid, 'customer')}
            </button>
          )
        ) : null}
        {run.isPending ? <span className="muted">Starting…</span> : null}
        {imp.status === 'completed' ? (
          <Link to="/customers" className="button button--primary">
            View customers
          </Link>
        ) : null}
        {again}
      </div>
    </div>
  )
}
