// Prints one closing line over every vitest JSON report under test-results/: "N passed, N failed".
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = new URL('../test-results/', import.meta.url).pathname
let passed = 0
let failed = 0
let skipped = 0
const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
for (const f of files) {
  const r = JSON.parse(readFileSync(join(dir, f), 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests
  skipped += r.numPendingTests + (r.numTodoTests ?? 0)
  console.log(`${f.replace(/\.json$/, '')}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
if (failed > 0 || passed === 0) process.exit(1)
