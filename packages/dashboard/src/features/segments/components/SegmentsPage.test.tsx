import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SegmentsPage } from './SegmentsPage'

const fields = [
  {
    field: 'country',
    label: 'Country',
    type: 'code',
    ops: ['eq', 'neq', 'in', 'notIn', 'exists'],
    values: null,
  },
  {
    field: 'status',
    label: 'Status',
    type: 'enum',
    ops: ['eq', 'neq', 'in', 'notIn'],
    values: ['active', 'inactive', 'suspended'],
  },
  {
    field: 'lifetimeValue',
    label: 'Lifetime value',
    type: 'money',
    ops: ['gt', 'gte', 'lt', 'lte', 'between'],
    values: null,
  },
]

let previews: unknown[] = []
let saved: unknown[] = []
let previewAnswer: (rule: { all?: unknown[] }) => { status: number; body: unknown }

beforeEach(() => {
  previews = []
  saved = []
  previewAnswer = (rule) => ({
    status: 200,
    body: { count: rule.all?.length ? 3 : 10, cached: false, data: [] },
  })
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://coinbook.test')
      const json = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
        })
      if (url.pathname.endsWith('/segments/fields')) return json(200, { data: fields })
      if (url.pathname.endsWith('/segments/builtin')) return json(200, { data: [] })
      if (url.pathname.endsWith('/segments/preview')) {
        const body = JSON.parse(String(init?.body))
        previews.push(body.rule)
        const { status, body: answer } = previewAnswer(body.rule)
        return json(status, answer)
      }
      if (url.pathname.endsWith('/segments') && init?.method === 'POST') {
        const body = JSON.parse(String(init.body))
        saved.push(body)
        return json(201, {
          id: '0190a000-0000-7000-8000-0000000000aa',
          ...body,
          description: null,
          createdAt: '',
          updatedAt: '',
        })
      }
      if (url.pathname.endsWith('/segments')) return json(200, { data: [] })
      return json(404, { title: 'Not found', status: 404 })
    }),
  )
})
afterEach(() => vi.unstubAllGlobals())

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = createMemoryRouter([{ path: '/segments', element: <SegmentsPage /> }], {
    initialEntries: ['/segments'],
  })
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
}

describe('SegmentsPage', () => {
  it('previews the rule as it is built and shows the live count', async () => {
    renderPage()
    await waitFor(() =>
      expect(screen.getByTestId('segment-count').textContent).toContain('10 customers match'),
    )
    fireEvent.change(screen.getByLabelText('Value 1'), { target: { value: 'PT' } })
    await waitFor(() =>
      expect(screen.getByTestId('segment-count').textContent).toContain('3 customers match'),
    )
    expect(previews.at(-1)).toEqual({ all: [{ field: 'country', op: 'eq', value: 'PT' }] })

    // A second condition with a list value, under "any".
    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }))
    fireEvent.change(screen.getByLabelText('Operator 2'), { target: { value: 'in' } })
    fireEvent.change(screen.getByLabelText('Value 2'), { target: { value: 'ES, FR' } })
    fireEvent.change(screen.getByLabelText('Match'), { target: { value: 'any' } })
    await waitFor(() =>
      expect(previews.at(-1)).toEqual({
        any: [
          { field: 'country', op: 'eq', value: 'PT' },
          { field: 'country', op: 'in', value: ['ES', 'FR'] },
        ],
      }),
    )
  })

  it('shows the API’s problem on the condition it names, and saves a named segment', async () => {
    previewAnswer = (rule) =>
      rule.all?.length
        ? {
            status: 422,
            body: {
              title: 'The segment rule is not valid',
              status: 422,
              code: 'invalid_rule',
              detail: 'bad',
              errors: [{ path: 'rule.all[0].value', message: 'must be a number' }],
            },
          }
        : { status: 200, body: { count: 10, cached: false, data: [] } }
    renderPage()
    fireEvent.change(await screen.findByLabelText('Field 1'), { target: { value: 'lifetimeValue' } })
    fireEvent.change(screen.getByLabelText('Value 1'), { target: { value: 'lots' } })
    const row = screen.getByLabelText('Value 1').closest('li') as HTMLElement
    expect((await within(row).findByRole('alert')).textContent).toContain('value must be a number')

    previewAnswer = () => ({ status: 200, body: { count: 4, cached: false, data: [] } })
    fireEvent.change(screen.getByLabelText('Value 1'), { target: { value: '100' } })
    await waitFor(() =>
      expect(screen.getByTestId('segment-count').textContent).toContain('4 customers match'),
    )
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Big spenders' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save segment' }))
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(saved[0]).toEqual({
      name: 'Big spenders',
      rule: { all: [{ field: 'lifetimeValue', op: 'gt', value: '100' }] },
    })
  })
})
