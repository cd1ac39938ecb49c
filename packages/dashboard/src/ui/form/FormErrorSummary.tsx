export interface FormErrorSummaryProps {
  title: string
  /** Errors that belong to no single field. */
  messages?: string[]
}

/** Why a submit failed, above the form; field-level messages stay next to their fields. */
export function FormErrorSummary({ title, messages = [] }: FormErrorSummaryProps) {
  return (
    <div className="alert alert--error" role="alert">
      <div className="alert__body">
        <strong>{title}</strong>
        {messages.length ? (
          <ul>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  )
}
