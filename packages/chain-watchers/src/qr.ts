import QRCode from 'qrcode'

/** An SVG QR code of `text` (error correction M, 2-module margin) for an address or payment URI. */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
}
