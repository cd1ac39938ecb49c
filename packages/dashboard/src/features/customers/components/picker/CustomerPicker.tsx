import { type KeyboardEvent, useEffect, useId, useState } from 'react'
import { errorMessage } from '../../../../api/problem'
import type { ControlProps } from '../../../../ui/form/Field'
import { useCustomerList } from '../../hooks/queries'

export interface PickedCustomer {
  id: string
  name: string
  email?: string | null
  /** Their billing preferences, for the defaults a form shows. */
  preferredFiat?: string | null
  paymentTermsDays?: number | null
}

export interface CustomerPickerProps {
  value: PickedCustomer | null
  onChange: (customer: PickedCustomer | null) => void
  /** The label wiring and error state from a {@link Field}. */
  control: ControlProps
  disabled?: boolean
}

/**
 * A search-as-you-type combobox over the customer list (name, email or company): ArrowDown/ArrowUp move
 * through the matches, Enter picks one, Escape closes the list. Once picked, the customer is shown with a
 * Change button.
 */
export function CustomerPicker({ value, onChange, control, disabled = false }: CustomerPickerProps) {
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const listId = useId()
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 200)
    return () => clearTimeout(t)
  }, [text])
  const search = useCustomerList({ q: q || undefined, limit: 8 })
  const options = search.data?.data ?? []

  if (value) {
    return (
      <div className="picked">
        <span id={control.id} className="picked__name">
          <strong>{value.name}</strong>
          {value.email ? <span className="muted"> · {value.email}</span> : null}
        </span>
        {disabled ? null : (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => {
              onChange(null)
              setText('')
              setOpen(true)
            }}
          >
            Change customer
          </button>
        )}
      </div>
    )
  }

  const pick = (index: number) => {
    const c = options[index]
    if (!c) return
    onChange({
      id: c.id,
      name: c.name,
      email: c.email,
      preferredFiat: c.preferredFiat,
      paymentTermsDays: c.paymentTermsDays,
    })
    setOpen(false)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      setOpen(true)
      setActive((i) => Math.min(options.length - 1, open ? i + 1 : 0))
    } else if (e.key === 'ArrowUp') {
      setActive((i) => Math.max(0, i - 1))
    } else if (e.key === 'Enter') {
      if (!open || !options.length) return
      pick(active)
    } else if (e.key === 'Escape') {
      if (!open) return
      setOpen(false)
    } else {
      return
    }
    e.preventDefault()
  }
  const optionId = (i: number) => `${listId}-${i}`
  return (
    <div className="combobox">
      <input
        {...control}
        className="input"
        type="search"
        role="combobox"
        autoComplete="off"
        placeholder="Search by name, email or company"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? optionId(active) : undefined}
        value={text}
        disabled={disabled}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          setText(e.target.value)
          setActive(0)
          setOpen(true)
        }}
      />
      {open ? (
        <div
          className="combobox__list"
          id={listId}
          role="listbox"
          aria-label="Customers"
          aria-busy={search.isFetching}
        >
          {search.isError ? (
            <div className="combobox__note">Customers could not be loaded: {errorMessage(search.error)}</div>
          ) : search.isPending ? (
            <div className="combobox__note">Searching…</div>
          ) : options.length === 0 ? (
            <div className="combobox__note">No customer matches “{q}”.</div>
          ) : (
            options.map((c, i) => (
              <div
                key={c.id}
                tabIndex={-1}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={`combobox__option${i === active ? ' combobox__option--active' : ''}`}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault()
                  pick(i)
                }}
              >
                <strong>{c.name}</strong>
                {c.email || c.company ? <span className="muted"> · {c.email ?? c.company}</span> : null}
              </div>
            ))
          )}
        </div>
      ) : null}
    </div>
  )
}
