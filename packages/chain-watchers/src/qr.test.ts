import jsQR from 'jsqr'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { qrSvg } from './qr.js'

const MARGIN = 2
const SCALE = 4

/** Paints the dark-module path of qrcode's SVG onto an RGBA bitmap, the way a browser would. */
function rasterize(svg: string): { data: Uint8ClampedArray; width: number } {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1])
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? ''
  const dark = new Uint8Array(size * size)
  let x = 0
  let y = 0
  for (const [, cmd, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Math.floor(Number(b))]
    else if (cmd === 'm') x += Number(a)
    else {
      for (let i = 0; i < Number(a); i++) dark[y * size + x + i] = 1
      x += Number(a)
    }
  }
  const width = size * SCALE
  const data = new Uint8ClampedArray(width * width * 4).fill(255)
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      if (dark[Math.floor(py / SCALE) * size + Math.floor(px / SCALE)])
        data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3)
    }
  }
  return { data, width }
}

describe('qrSvg', () => {
  const uri = 'bitcoin:bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu?amount=0.0015&label=Coinbook%20Shop'

  it('draws a QR code that a decoder reads back as the same text', async () => {
    for (const text of [
      uri,
      'ethereum:0x9858EfFD232B4033E47d90003D41EC34EcaEda94@1?value=1500000000000000000',
    ]) {
      const { data, width } = rasterize(await qrSvg(text))
      expect(jsQR(data, width, width)?.data).toBe(text)
    }
  })

  it('is an SVG whose viewBox is the symbol plus a two-module margin at error correction M', async () => {
    const svg = await qrSvg(uri)
    const modules = QRCode.create(uri, { errorCorrectionLevel: 'M' }).modules.size
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.trim().endsWith('</svg>')).toBe(true)
    expect(svg).toContain(`viewBox="0 0 ${modules + 2 * MARGIN} ${modules + 2 * MARGIN}"`)
  })

  it('gives different texts different drawings', async () => {
    const a = await qrSvg('TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH')
    const b = await qrSvg('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')
    expect(a).not.toBe(b)
  })
})
