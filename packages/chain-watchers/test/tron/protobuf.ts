// Just enough protobuf encoding for the messages a block id and a transaction merkle leaf hash over.

/** Wire type 0 (varint) fields and wire type 2 (bytes) fields, in the order given. */
export type Field = [number: number, value: bigint | number | Uint8Array | undefined]

/** Encodes the fields as protobuf, leaving out default values (0, empty bytes, undefined) as proto3 does. */
export function encodeMessage(fields: Field[]): Uint8Array {
  const out: number[] = []
  for (const [number, value] of fields) {
    if (value === undefined) continue
    if (value instanceof Uint8Array) {
      if (value.length === 0) continue
      varint(out, BigInt((number << 3) | 2))
      varint(out, BigInt(value.length))
      for (const b of value) out.push(b)
    } else {
      if (BigInt(value) === 0n) continue
      varint(out, BigInt(number << 3))
      // Negative int64 values take ten bytes in two's complement, as protobuf writes them.
      varint(out, BigInt.asUintN(64, BigInt(value)))
    }
  }
  return Uint8Array.from(out)
}

function varint(out: number[], value: bigint) {
  let v = value
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80)
    v >>= 7n
  }
  out.push(Number(v))
}
