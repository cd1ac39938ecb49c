// Solana nodes write u64 values (lamport balances, fees) as bare JSON numbers. JSON.parse turns any of
// them above 2^53 (about 9 million SOL) into a float that is off by some lamports, so answers are parsed
// here instead: an integer that a number cannot hold exactly becomes a bigint; everything else is what
// JSON.parse gives.

/** Parses JSON text like JSON.parse, except that integers beyond Number.MAX_SAFE_INTEGER become bigints. */
export function parseLosslessJson(text: string): unknown {
  const parser = new Parser(text)
  parser.skipSpace()
  const value = parser.value()
  parser.skipSpace()
  if (parser.at < text.length) parser.fail('unexpected text after the value')
  return value
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON forbids raw control characters in strings.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y

class Parser {
  at = 0
  constructor(private readonly text: string) {}

  fail(why: string): never {
    throw new SyntaxError(`Invalid JSON at position ${this.at}: ${why}`)
  }

  skipSpace() {
    const { text } = this
    while (this.at < text.length) {
      const c = text.charCodeAt(this.at)
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return
      this.at++
    }
  }

  value(): unknown {
    const c = this.text[this.at]
    if (c === '{') return this.object()
    if (c === '[') return this.array()
    if (c === '"') return this.string()
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number()
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length
        return value
      }
    }
    return this.fail(c === undefined ? 'unexpected end' : `unexpected ${JSON.stringify(c)}`)
  }

  object(): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    this.at++
    this.skipSpace()
    if (this.text[this.at] === '}') {
      this.at++
      return out
    }
    for (;;) {
      this.skipSpace()
      if (this.text[this.at] !== '"') this.fail('expected a key')
      const key = this.string()
      this.skipSpace()
      if (this.text[this.at] !== ':') this.fail('expected ":"')
      this.at++
      this.skipSpace()
      // defineProperty: a key named "__proto__" is data, as with JSON.parse.
      Object.defineProperty(out, key, {
        value: this.value(),
        enumerable: true,
        writable: true,
        configurable: true,
      })
      this.skipSpace()
      const c = this.text[this.at++]
      if (c === '}') return out
      if (c !== ',') this.fail('expected "," or "}"')
    }
  }

  array(): unknown[] {
    const out: unknown[] = []
    this.at++
    this.skipSpace()
    if (this.text[this.at] === ']') {
      this.at++
      return out
    }
    for (;;) {
      this.skipSpace()
      out.push(this.value())
      this.skipSpace()
      const c = this.text[this.at++]
      if (c === ']') return out
      if (c !== ',') this.fail('expected "," or "]"')
    }
  }

  string(): string {
    STRING.lastIndex = this.at
    const m = STRING.exec(this.text)
    if (!m) return this.fail('invalid string')
    this.at += m[0].length
    return m[0].includes('\\') ? (JSON.parse(m[0]) as string) : m[0].slice(1, -1)
  }

  number(): number | bigint {
    NUMBER.lastIndex = this.at
    const m = NUMBER.exec(this.text)
    if (!m) return this.fail('invalid number')
    const token = m[0]
    this.at += token.length
    const value = Number(token)
    if (Number.isSafeInteger(value) || !/^-?\d+$/.test(token)) return value
    return BigInt(token)
  }
}

const LITERALS: [string, unknown][] = [
  ['true', true],
  ['false', false],
  ['null', null],
]
