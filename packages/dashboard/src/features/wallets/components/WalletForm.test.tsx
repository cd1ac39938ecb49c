import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '../../../api/problem'
import type { NetworkId } from '../../../chains/coins'
import { WalletForm, type WalletFormProps } from './WalletForm'

const XPUB =
  'xpub6DCoCpSuQZB2jawqnGMEPS63ePKWkwWPH4TU45Q7LPXWuNd8TMtVxRrgjtEshuqpK3mdhaWHPFsBngh5GFZaM6si3yZdUsT8ddYM3PwnATt'
const ZPUB =
  'zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs'

function renderForm(network: NetworkId, props: Partial<WalletFormProps> = {}) {
  const onSubmit = vi.fn()
  const utils = render(
    <WalletForm
      network={network}
      onSubmit={onSubmit}
      onCancel={() => {}}
      pending={false}
      error={null}
      {...props}
    />,
  )
  const key = () => screen.getByRole('textbox')
  const save = () => fireEvent.click(screen.getByRole('button', { name: /Save/ }))
  return { onSubmit, key, save, ...utils }
}

describe('WalletForm', () => {
  it('puts the API’s xpub error next to the key and moves focus there, without a summary', () => {
    const error = new ApiProblem(400, {
      status: 400,
      code: 'validation_failed',
      title: 'Your request is not valid',
      detail: 'This is a private key (xprv); paste the public key instead',
      errors: [{ path: 'xpub', message: 'This is a private key (xprv); paste the public key instead' }],
    })
    const { key } = renderForm('ethereum', { error })
    expect(key().getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById('field-xpub-error')?.textContent).toBe(
      'This is a private key (xprv); paste the public key instead',
    )
    expect(document.activeElement).toBe(key())
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('maps an address error for Solana to the address field', () => {
    const error = new ApiProblem(400, {
      code: 'validation_failed',
      detail: 'Not a Solana address',
      errors: [{ path: 'address', message: 'Not a Solana address' }],
    })
    renderForm('solana', { error })
    expect(screen.getByRole('textbox', { name: /Wallet address/ }).getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById('field-address-error')?.textContent).toBe('Not a Solana address')
  })

  it('shows a refusal without field errors (e.g. a viewer) as a summary', () => {
    const error = new ApiProblem(403, { code: 'forbidden', detail: 'Only owners and admins can do this' })
    renderForm('tron', { error })
    expect(screen.getByRole('alert').textContent).toContain('Only owners and admins can do this')
  })

  it('stops a private key or a recovery phrase in the browser and clears it from the field', () => {
    const { key, save, onSubmit } = renderForm('bitcoin')
    fireEvent.change(key(), {
      target: { value: `xprv9s21ZrQH143K3GJpoapnV8SFfukcVBSfeCficPSGfubmSFDxo1kuHnLis` },
    })
    save()
    expect(onSubmit).not.toHaveBeenCalled()
    expect(document.getElementById('field-xpub-error')?.textContent).toContain('This is a private key')
    expect((key() as HTMLInputElement).value).toBe('')

    fireEvent.change(key(), { target: { value: Array(12).fill('abandon').join(' ') } })
    save()
    expect(onSubmit).not.toHaveBeenCalled()
    expect(document.getElementById('field-xpub-error')?.textContent).toContain('recovery phrase')
    expect((key() as HTMLInputElement).value).toBe('')
  })

  it('hides a previous API error once the form itself stops a submit', () => {
    const error = new ApiProblem(400, {
      code: 'validation_failed',
      detail: 'bad',
      errors: [{ path: 'xpub', message: 'Not an extended public key' }],
    })
    const { save } = renderForm('ethereum', { error })
    save()
    expect(document.getElementById('field-xpub-error')?.textContent).toBe(
      'Paste the account’s extended public key',
    )
  })

  it('offers the Bitcoin address type only for xpub/tpub keys, and sends it', () => {
    const { key, save, onSubmit } = renderForm('bitcoin')
    fireEvent.change(key(), { target: { value: ZPUB } })
    expect(screen.queryByRole('combobox', { name: 'Address type' })).toBeNull()

    fireEvent.change(key(), { target: { value: ` ${XPUB} ` } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Address type' }), { target: { value: 'bip84' } })
    save()
    expect(onSubmit).toHaveBeenCalledWith({ xpub: XPUB, scheme: 'bip84' })
  })

  it('sends an EVM xpub without a scheme, and a TON wallet as an address', () => {
    const evm = renderForm('arbitrum')
    fireEvent.change(evm.key(), { target: { value: XPUB } })
    expect(screen.queryByRole('combobox')).toBeNull()
    evm.save()
    expect(evm.onSubmit).toHaveBeenCalledWith({ xpub: XPUB })
    evm.unmount()

    const ton = renderForm('ton')
    fireEvent.change(ton.key(), { target: { value: 'UQBvI0aFLnw2QbZgjMPCLRdtRHxhUyinQudg6sdiohIwg5jL' } })
    ton.save()
    expect(ton.onSubmit).toHaveBeenCalledWith({ address: 'UQBvI0aFLnw2QbZgjMPCLRdtRHxhUyinQudg6sdiohIwg5jL' })
  })

  it('warns that replacing a key keeps the addresses already given out', () => {
    renderForm('ethereum', { replacing: true })
    expect(screen.getByText(/Addresses already given to customers stay watched/)).toBeTruthy()
    expect(screen.getByRole('form', { name: 'Replace the Ethereum wallet' })).toBeTruthy()
  })
})
