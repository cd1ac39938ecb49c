import { address, crypto, type Network, type TxInput } from 'bitcoinjs-lib'

/**
 * The address an input spends from, read off its own scriptSig and witness, for the spend types that
 * reveal it unambiguously: p2wpkh and p2pkh (a signature and a public key) and p2sh-wrapped segwit (the
 * redeem script). Taproot, p2wsh and bare p2sh spends do not name their output cheaply: null. A node that
 * reports the prevout (Esplora, Core's verbose getrawtransaction) is preferred over this.
 */
export function inputAddress(input: TxInput, params: Network): string | null {
  const { script, witness } = input
  if (script.length === 0) {
    // p2wpkh: <signature> <compressed pubkey>
    if (witness.length === 2 && isSignature(witness[0]!) && isCompressedKey(witness[1]!)) {
      return address.toBech32(crypto.hash160(witness[1]!), 0, params.bech32)
    }
    return null
  }
  const pushes = readPushes(script)
  if (!pushes) return null
  // p2sh-p2wpkh / p2sh-p2wsh: the scriptSig is one push of the witness program, the redeem script.
  if (pushes.length === 1 && witness.length > 0) {
    const redeem = pushes[0]!
    const isProgram =
      redeem[0] === 0x00 && redeem[1] === redeem.length - 2 && (redeem.length === 22 || redeem.length === 34)
    return isProgram ? address.toBase58Check(crypto.hash160(redeem), params.scriptHash) : null
  }
  // p2pkh: <signature> <pubkey>
  if (pushes.length === 2 && witness.length === 0 && isSignature(pushes[0]!) && isKey(pushes[1]!)) {
    return address.toBase58Check(crypto.hash160(pushes[1]!), params.pubKeyHash)
  }
  return null
}

// DER signature plus its sighash byte (BIP66): 0x30, the length of what follows, 9..73 bytes in all.
function isSignature(b: Uint8Array): boolean {
  return b.length >= 9 && b.length <= 73 && b[0] === 0x30 && b[1] === b.length - 3
}

function isCompressedKey(b: Uint8Array): boolean {
  return b.length === 33 && (b[0] === 0x02 || b[0] === 0x03)
}

function isKey(b: Uint8Array): boolean {
  return isCompressedKey(b) || (b.length === 65 && b[0] === 0x04)
}

/** The data of a push-only script, or undefined when it has any other opcode. */
function readPushes(script: Uint8Array): Uint8Array[] | undefined {
  const out: Uint8Array[] = []
  let i = 0
  while (i < script.length) {
    const op = script[i++]!
    let len: number
    if (op >= 0x01 && op <= 0x4b) len = op
    else if (op === 0x4c) len = script[i++] ?? -1
    else if (op === 0x4d) {
      len = (script[i] ?? 0) | ((script[i + 1] ?? 0) << 8)
      i += 2
    } else return undefined
    if (len < 0 || i + len > script.length) return undefined
    out.push(script.subarray(i, i + len))
    i += len
  }
  return out
}
