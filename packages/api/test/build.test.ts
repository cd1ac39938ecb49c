import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build, bundlePath, isFresh } from '../bin/build.js'

const API_DIR = join(import.meta.dirname, '..')

describe('the server bundle (bin/build.js)', () => {
  it('imports each package from a file that exists, and nothing by a bare name', async () => {
    await build()
    const code = readFileSync(bundlePath, 'utf8')
    const specifiers = [...code.matchAll(/(?:^|\n)import\s[^'"]*?from\s*"([^"]+)"|import\("([^"]+)"\)/g)].map(
      (m) => m[1] ?? m[2] ?? '',
    )
    expect(specifiers.length).toBeGreaterThan(20)
    const packages = specifiers.filter((s) => !s.startsWith('node:'))
    expect(packages).toContainEqual(expect.stringContaining('/node_modules/viem/'))
    for (const s of packages) {
      expect(s, 'a bare specifier would not resolve from dist/ for a workspace package').toMatch(/^\.\.?\//)
      expect(existsSync(resolve(dirname(bundlePath), s)), s).toBe(true)
    }
  })

  it('is fresh after a build and stale once a source it was built from is newer', async () => {
    await build()
    expect(await isFresh()).toBe(true)
    const meta = JSON.parse(readFileSync(join(API_DIR, 'dist/meta.json'), 'utf8')) as { inputs: string[] }
    expect(meta.inputs).toEqual(
      expect.arrayContaining(['src/main.ts', '../chain-watchers/src/index.ts', '../../pnpm-lock.yaml']),
    )
    // Ages the bundle instead of touching a source, so other files' processes are not disturbed.
    const { atime, mtime } = statSync(bundlePath)
    utimesSync(bundlePath, atime, new Date(statSync(join(API_DIR, 'src/main.ts')).mtimeMs - 60_000))
    try {
      expect(await isFresh()).toBe(false)
    } finally {
      utimesSync(bundlePath, atime, mtime)
    }
    expect(await isFresh()).toBe(true)
  })

  it('`coinbook help` prints its usage without falling back to the sources', () => {
    const run = spawnSync(process.execPath, ['bin/coinbook.js', 'help'], { cwd: API_DIR, encoding: 'utf8' })
    expect(`${run.stdout}${run.stderr}`).toContain('Usage: coinbook <command>')
    expect(`${run.stdout}${run.stderr}`).not.toContain('running the TypeScript sources')
  })
})
