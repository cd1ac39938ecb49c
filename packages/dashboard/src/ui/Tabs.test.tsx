import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { TabPanel, Tabs } from './Tabs'

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'payments', label: 'Payments' },
  { id: 'notes', label: 'Notes' },
]

function Harness() {
  const [selected, setSelected] = useState('overview')
  return (
    <>
      <Tabs label="Sections" tabs={TABS} selected={selected} onSelect={setSelected} />
      <TabPanel id={selected}>{selected} panel</TabPanel>
    </>
  )
}

describe('Tabs', () => {
  it('moves between tabs with the arrow keys, wrapping, and shows the chosen panel', () => {
    render(<Harness />)
    const tab = (name: string) => screen.getByRole('tab', { name })
    tab('Overview').focus()
    fireEvent.keyDown(tab('Overview'), { key: 'ArrowRight' })
    expect(tab('Payments').getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(tab('Payments'))
    expect(screen.getByRole('tabpanel').textContent).toBe('payments panel')
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tab('Payments').id)

    fireEvent.keyDown(tab('Payments'), { key: 'ArrowLeft' })
    fireEvent.keyDown(tab('Overview'), { key: 'ArrowLeft' })
    expect(document.activeElement).toBe(tab('Notes'))
    fireEvent.keyDown(tab('Notes'), { key: 'Home' })
    expect(document.activeElement).toBe(tab('Overview'))
  })

  it('keeps only the selected tab in the Tab order', () => {
    render(<Harness />)
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1])
  })
})
