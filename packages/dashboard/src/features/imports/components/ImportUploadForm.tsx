import { type FormEvent, useId, useState } from 'react'
import type { ImportOptions } from '../api'
import { templateHref } from '../api'

export interface ImportUploadFormProps {
  onUpload: (file: File, options: ImportOptions) => void
  busy: boolean
}

/** Step one: the file and how to treat customers Coinbook already has. Nothing is written yet. */
export function ImportUploadForm({ onUpload, busy }: ImportUploadFormProps) {
  const id = useId()
  const [file, setFile] = useState<File | null>(null)
  const [options, setOptions] = useState<ImportOptions>({
    mode: 'create',
    matchBy: 'email',
    onError: 'abort',
  })
  const set = <K extends keyof ImportOptions>(key: K, value: ImportOptions[K]) =>
    setOptions((o) => ({ ...o, [key]: value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (file) onUpload(file, options)
  }

  return (
    <form className="import-form stack" onSubmit={submit} aria-busy={busy}>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          File
        </label>
        <input
          id={`${id}-file`}
          className="input"
          type="file"
          accept=".csv,.tsv,.txt,.jsonl,.ndjson,.json,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <p className="field__hint">
          CSV from any spreadsheet (comma, semicolon or tab), JSON Lines or a JSON array. Columns are matched
          by name; you can check and change how before anything is imported.{' '}
          <a href={templateHref} download>
            Download the template
          </a>
        </p>
      </div>
      <div className="import-options">
        <label className="field">
          <span className="field__label">Customers you already have</span>
          <select
            className="input"
            value={options.mode}
            onChange={(e) => set('mode', e.target.value as ImportOptions['mode'])}
          >
            <option value="create">Are errors (only add new customers)</option>
            <option value="upsert">Are updated from the file</option>
            <option value="skip">Are left as they are</option>
          </select>
        </label>
        {options.mode !== 'create' ? (
          <label className="field">
            <span className="field__label">Recognised by</span>
            <select
              className="input"
              value={options.matchBy}
              onChange={(e) => set('matchBy', e.target.value as ImportOptions['matchBy'])}
            >
              <option value="email">Email</option>
              <option value="customId">Custom ID</option>
            </select>
          </label>
        ) : null}
        <label className="field">
          <span className="field__label">Rows with errors</span>
          <select
            className="input"
            value={options.onError}
            onChange={(e) => set('onError', e.target.value as ImportOptions['onError'])}
          >
            <option value="abort">Stop the import: nothing is written</option>
            <option value="skip">Are skipped: the valid rows are written</option>
          </select>
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={!file || busy}>
          {busy ? 'Checking…' : 'Check file'}
        </button>
      </div>
    </form>
  )
}
