import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useRowSelection } from '../hooks/useRowSelection'
import { BulkActionBar } from './BulkActionBar'

describe('useRowSelection', () => {
  it('toggles one row, selects a range with shift-click, and the whole page', () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    const { result } = renderHook(() => useRowSelection(ids))
    act(() => result.current.toggle(1, false))
    act(() => result.current.toggle(3, true))
    expect([...result.current.selected].sort()).toEqual(['b', 'c', 'd'])
    // A shift-click on a selected row clears the range back to the anchor.
    act(() => result.current.toggle(2, true))
    expect([...result.current.selected].sort()).toEqual(['b'])
    act(() => result.current.togglePage())
    expect(result.current.selected.size).toBe(5)
    act(() => result.current.selectAll())
    expect(result.current.all).toBe(true)
    act(() => result.current.clear())
    expect(result.current.selected.size).toBe(0)
  })
})

let posted: unknown[] = []
beforeEach(() => {
  posted = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: string, init?: RequestInit) => {
      posted.push(JSON.parse(String(init?.body)))
      return new Response(JSON.stringify({ id: 'bulk-1', status: 'queued' }), {
        status: 202,
        headers: { 'Content-Type': 'application/json' },
      })
    }),
  )
})
afterEach(() => vi.unstubAllGlobals())

function renderBar(props: Partial<Parameters<typeof BulkActionBar>[0]>) {
  const onStarted = vi.fn()
  render(
    <QueryClientProvider client={new QueryClient()}>
      <BulkActionBar
        selectedIds={['id-1', 'id-2']}
        all={false}
        matching={undefined}
        filters={{}}
        pageCount={2}
        onSelectAll={() => {}}
        onClear={() => {}}
        onStarted={onStarted}
        {...props}
      />
    </QueryClientProvider>,
  )
  return onStarted
}

describe('BulkActionBar', () => {
  it('tags the checked customers', async () => {
    const onStarted = renderBar({})
    expect(screen.getByTestId('bulk-count').textContent).toBe('2 selected')
    fireEvent.change(screen.getByLabelText('Tags'), { target: { value: 'vip, q3' } })
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }))
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('bulk-1'))
    expect(posted[0]).toEqual({
      action: 'addTags',
      selection: { ids: ['id-1', 'id-2'] },
      params: { tags: ['vip', 'q3'] },
    })
  })

  it('acts on every customer of a segment when all N matching are selected, and deletes with the count confirmed', async () => {
    window.confirm = vi.fn(() => true)
    renderBar({ all: true, matching: 120, filters: { segmentId: 'vip' } })
    expect(screen.getByTestId('bulk-count').textContent).toBe('All 120 matching selected')
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'delete' } })
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }))
    await waitFor(() => expect(posted).toHaveLength(1))
    expect(posted[0]).toEqual({
      action: 'delete',
      selection: { segmentId: 'vip' },
      params: { confirmCount: 120 },
    })
  })

  it('offers no delete when how many match is unknown', () => {
    renderBar({ all: true, matching: undefined, filters: { tag: 'x' } })
    expect(screen.queryByRole('option', { name: 'Delete' })).toBeNull()
  })
})
