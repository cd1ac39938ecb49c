export interface FormErrorSummaryProps {
  title?: string
  messages: string[]
}

/** The errors that belong to no single field, above a form. */
export function FormErrorSummary({ title = 'Please fix the following', messages }: FormErrorSummaryProps) {
  if (!messages.length) return null
  return (
    <div className="alert alert--error" role="alert">
      <strong>{title}</strong>
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  )
}
