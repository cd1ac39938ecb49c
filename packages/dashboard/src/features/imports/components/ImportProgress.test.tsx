import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CustomerImport } from '../api'
import { ImportProgress } from './ImportProgress'

const progress = (p: CustomerImport['progress']) => ({ progress: p }) as CustomerImport

describe('ImportProgress', () => {
  it('says a queued import starts soon, whether a worker or the API itself runs it', () => {
    render(<ImportProgress imp={progress({ phase: 'queued', done: 0, total: 3 })} />)
    expect(screen.getByRole('status').textContent).toBe('Queued — starting soon…')
    expect(screen.queryByText(/worker/i)).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('status'))
  })

  it('counts the rows checked', () => {
    render(<ImportProgress imp={progress({ phase: 'reading', done: 1500, total: 3000 })} />)
    expect(screen.getByText('Checking rows: 1,500 of 3,000')).toBeTruthy()
    expect(screen.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value')).toBe('1500')
  })
})
