import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { errorMessage } from '../../../api/problem'
import { customerKeys } from '../../customers/hooks/queries'
import { AVATAR_MAX_BYTES, AVATAR_TYPES, type Avatar, removeAvatar, uploadAvatar } from '../api'
import '../privacy.css'

export interface CustomerAvatarProps {
  customer: { id: string; name: string; avatar?: Avatar | null | undefined }
  size?: 'small' | 'large'
  /** Shows Upload / Remove beside the picture. */
  canWrite?: boolean
}

/** Up to two initials: "Ana Maria Silva" → "AS". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/)
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?'
}

/** The customer's uploaded picture, or their initials; with controls to change it. */
export function CustomerAvatar({ customer, size = 'large', canWrite = false }: CustomerAvatarProps) {
  const client = useQueryClient()
  const input = useRef<HTMLInputElement>(null)
  const inputId = useId()
  const [localError, setLocalError] = useState<string | null>(null)
  const [broken, setBroken] = useState(false)
  const refresh = () => client.invalidateQueries({ queryKey: customerKeys.detail(customer.id) })
  const upload = useMutation({
    mutationFn: (file: File) => uploadAvatar(customer.id, file),
    onSuccess: refresh,
  })
  const remove = useMutation({ mutationFn: () => removeAvatar(customer.id), onSuccess: refresh })
  const className = `avatar${size === 'large' ? ' avatar--large' : ''}`
  const picture =
    customer.avatar && !broken ? (
      <img
        className={`${className} avatar--image`}
        src={customer.avatar.url}
        alt=""
        onError={() => setBroken(true)}
      />
    ) : (
      <span className={className} aria-hidden="true">
        {initials(customer.name)}
      </span>
    )
  if (!canWrite) return picture
  const error =
    localError ??
    (upload.error ? errorMessage(upload.error) : remove.error ? errorMessage(remove.error) : null)
  return (
    <div className="avatar-editor">
      {picture}
      <div className="avatar-editor__actions">
        <label className="button button--ghost button--small" htmlFor={inputId}>
          {upload.isPending ? 'Uploading…' : customer.avatar ? 'Change photo' : 'Upload photo'}
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={AVATAR_TYPES.join(',')}
          className="visually-hidden"
          aria-label="Avatar image"
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            upload.reset()
            if (!file) return
            if (file.size > AVATAR_MAX_BYTES) {
              setLocalError('The image is larger than 1 MB.')
              return
            }
            setLocalError(null)
            setBroken(false)
            upload.mutate(file)
          }}
        />
        {customer.avatar ? (
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            Remove photo
          </button>
        ) : null}
        {error ? (
          <span className="alert alert--error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    </div>
  )
}
