import { useState } from 'react'
import { ErrorAlert } from '../../../ui/Alert'
import { CursorPager } from '../../../ui/CursorPager'
import { EmptyState } from '../../../ui/EmptyState'
import { FilterSelect } from '../../../ui/FilterSelect'
import { LoadingBlock } from '../../../ui/Spinner'
import type { ListMessagesParams, MessageKind, MessageStatus } from '../api'
import { useMessageList, useResendMessage } from '../hooks/queries'
import { messageKindOptions, messageStatusOptions } from '../labels'
import { MessageDialog } from './MessageDialog'
import { MessagesTable } from './MessagesTable'

const PAGE_SIZE = 25

export interface MessageLogProps {
  customerId?: string
  canWrite: boolean
  emptyDescription: string
}

/** Filters, the table, paging, the message dialog and Resend: the Outbox and the profile's tab. */
export function MessageLog({ customerId, canWrite, emptyDescription }: MessageLogProps) {
  const [kind, setKind] = useState<MessageKind | undefined>()
  const [status, setStatus] = useState<MessageStatus | undefined>()
  const [cursors, setCursors] = useState<string[]>([])
  const [open, setOpen] = useState<string | null>(null)
  const params: ListMessagesParams = {
    limit: PAGE_SIZE,
    ...(customerId ? { customerId } : {}),
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
    ...(cursors.length ? { cursor: cursors.at(-1) } : {}),
  }
  const list = useMessageList(params)
  const resend = useResendMessage()
  const filtered = Boolean(kind || status)
  return (
    <>
      <search className="filters" aria-label="Filter messages">
        <FilterSelect
          label="Kind"
          value={kind}
          onChange={(v) => {
            setCursors([])
            setKind(v as MessageKind | undefined)
          }}
          options={messageKindOptions}
        />
        <FilterSelect
          label="Status"
          value={status}
          onChange={(v) => {
            setCursors([])
            setStatus(v as MessageStatus | undefined)
          }}
          options={messageStatusOptions}
        />
      </search>
      {resend.isError ? <ErrorAlert error={resend.error} title="The message could not be resent" /> : null}
      {list.isError ? (
        <ErrorAlert
          error={list.error}
          title="The messages could not be loaded"
          onRetry={() => list.refetch()}
        />
      ) : !list.data ? (
        <LoadingBlock label="Loading messages" />
      ) : list.data.data.length === 0 ? (
        <EmptyState
          title={filtered ? 'No messages match' : 'No messages yet'}
          description={filtered ? 'Try another kind or status.' : emptyDescription}
        />
      ) : (
        <>
          <MessagesTable
            messages={list.data.data}
            stale={list.isPlaceholderData}
            hideRecipient={Boolean(customerId)}
            onOpen={setOpen}
            onResend={canWrite ? (id) => resend.mutate(id) : undefined}
            resending={resend.isPending ? (resend.variables ?? null) : null}
          />
          <CursorPager cursors={cursors} setCursors={setCursors} nextCursor={list.data.nextCursor} />
        </>
      )}
      <MessageDialog id={open} onClose={() => setOpen(null)} />
    </>
  )
}
