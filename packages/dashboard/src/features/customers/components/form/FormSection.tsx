import type { ReactNode } from 'react'

export interface FormSectionProps {
  title: string
  description?: string
  children: ReactNode
}

/** A group of related fields: its name and purpose on the left, the fields in a grid on the right. */
export function FormSection({ title, description, children }: FormSectionProps) {
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`
  return (
    <section className="form-section" aria-labelledby={id}>
      <div className="form-section__intro">
        <h2 id={id} className="form-section__title">
          {title}
        </h2>
        {description ? <p className="form-section__description">{description}</p> : null}
      </div>
      <div className="form-section__fields">{children}</div>
    </section>
  )
}
