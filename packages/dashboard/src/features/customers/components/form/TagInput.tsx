import { type KeyboardEvent, useState } from 'react'
import { Field } from '../../../../ui/form/Field'
import { XIcon } from '../../../../ui/icons'

export interface TagInputProps {
  value: string[]
  onChange: (value: string[]) => void
}

/** Tags as removable chips; Enter or comma adds what is typed, Backspace on empty removes the last. */
export function TagInput({ value, onChange }: TagInputProps) {
  const [draft, setDraft] = useState('')
  const add = () => {
    const tag = draft.trim().replace(/,$/, '').trim()
    if (tag && !value.includes(tag)) onChange([...value, tag])
    setDraft('')
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault()
      add()
    } else if (e.key === 'Backspace' && draft === '' && value.length) {
      onChange(value.slice(0, -1))
    }
  }
  return (
    <Field label="Tags" path="tags" className="span-2" hint="Press Enter or comma to add a tag.">
      {(control) => (
        <div className="tag-input">
          {value.map((tag) => (
            <span key={tag} className="tag tag--removable">
              {tag}
              <button
                type="button"
                className="tag__remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => onChange(value.filter((t) => t !== tag))}
              >
                <XIcon width={12} height={12} />
              </button>
            </span>
          ))}
          <input
            {...control}
            className="tag-input__input"
            value={draft}
            placeholder={value.length ? 'Add another…' : 'vip, wholesale…'}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={add}
          />
        </div>
      )}
    </Field>
  )
}
