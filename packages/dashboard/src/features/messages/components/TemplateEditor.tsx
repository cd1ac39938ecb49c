import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Alert, ErrorAlert } from '../../../ui/Alert'
import { LoadingBlock } from '../../../ui/Spinner'
import { type EmailTemplate, type MessageKind, previewEmailTemplate } from '../api'
import { useEmailTemplates, useResetTemplate, useSaveTemplate } from '../hooks/queries'
import { messageKindLabel } from '../labels'

const BLOCKS = [
  { name: 'heading', label: 'Heading' },
  { name: 'intro', label: 'Opening text' },
  { name: 'outro', label: 'Closing text' },
  { name: 'button', label: 'Button label' },
] as const

type Draft = { subject: string; blocks: Record<string, string> }

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms)
    return () => clearTimeout(t)
  }, [value, ms])
  return v
}

/** Pick a kind, edit its subject and text blocks with variables, see the email as it will look. */
export function TemplateEditor({ canWrite }: { canWrite: boolean }) {
  const templates = useEmailTemplates()
  const [kind, setKind] = useState<MessageKind>('invoice')
  if (templates.isError)
    return (
      <ErrorAlert
        error={templates.error}
        title="The templates could not be loaded"
        onRetry={() => templates.refetch()}
      />
    )
  if (!templates.data) return <LoadingBlock label="Loading templates" />
  const template = templates.data.data.find((t) => t.kind === kind)
  return (
    <section className="card stack" aria-label="Templates">
      <h2 className="card__title">Templates</h2>
      <label className="field">
        <span className="field__label">Email</span>
        <select className="input" value={kind} onChange={(e) => setKind(e.target.value as MessageKind)}>
          {templates.data.data.map((t) => (
            <option key={t.kind} value={t.kind}>
              {messageKindLabel[t.kind]}
              {t.customized ? ' (edited)' : ''}
            </option>
          ))}
        </select>
      </label>
      {template ? (
        <TemplateForm key={`${kind}:${template.subject}`} template={template} canWrite={canWrite} />
      ) : null}
    </section>
  )
}

function TemplateForm({ template, canWrite }: { template: EmailTemplate; canWrite: boolean }) {
  const [draft, setDraft] = useState<Draft>({ subject: template.subject, blocks: { ...template.blocks } })
  const save = useSaveTemplate()
  const reset = useResetTemplate()
  const debounced = useDebounced(draft, 300)
  const preview = useQuery({
    queryKey: ['email-templates', 'preview', template.kind, debounced],
    queryFn: ({ signal }) => previewEmailTemplate(template.kind, debounced, signal),
    retry: false,
  })
  return (
    <div className="template-editor">
      <form
        className="stack"
        aria-label={`${messageKindLabel[template.kind]} template`}
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate({ kind: template.kind, ...draft })
        }}
      >
        <p className="muted small">
          {template.transactional
            ? 'Transactional: sent even to customers who unsubscribed from other emails.'
            : 'Customers can unsubscribe from this email; it carries an unsubscribe link.'}{' '}
          Variables: {template.variables.map((v) => `{{${v}}}`).join(' ')}
        </p>
        {save.isError ? <ErrorAlert error={save.error} title="The template was not saved" /> : null}
        {save.isSuccess ? <Alert tone="success">Template saved.</Alert> : null}
        <label className="field">
          <span className="field__label">Subject</span>
          <input
            className="input"
            value={draft.subject}
            disabled={!canWrite}
            onChange={(e) => setDraft((d) => ({ ...d, subject: e.target.value }))}
          />
        </label>
        {BLOCKS.map((b) => (
          <label className="field" key={b.name}>
            <span className="field__label">{b.label}</span>
            <textarea
              className="input"
              rows={b.name === 'button' || b.name === 'heading' ? 1 : 3}
              value={draft.blocks[b.name] ?? ''}
              disabled={!canWrite}
              onChange={(e) => setDraft((d) => ({ ...d, blocks: { ...d.blocks, [b.name]: e.target.value } }))}
            />
          </label>
        ))}
        {canWrite ? (
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              Save template
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={!template.customized || reset.isPending}
              onClick={() => reset.mutate(template.kind)}
            >
              Reset to default
            </button>
          </div>
        ) : null}
      </form>
      <section aria-label="Preview">
        {preview.isError ? (
          <ErrorAlert error={preview.error} title="Cannot preview" />
        ) : preview.data ? (
          <>
            <p>
              <strong>Subject:</strong> <span data-testid="preview-subject">{preview.data.subject}</span>
            </p>
            <iframe
              title="Email preview"
              sandbox=""
              srcDoc={preview.data.html}
              style={{ width: '100%', height: 520, border: 0 }}
            />
          </>
        ) : (
          <LoadingBlock label="Rendering the preview" />
        )}
      </section>
    </div>
  )
}
