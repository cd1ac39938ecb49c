import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

// `coinbook api` with API_PROCESSES: real processes, as an operator runs them.
const API_DIR = join(import.meta.dirname, '..')
let running: ChildProcess | undefined

function start(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['bin/coinbook.js', 'api'], {
    cwd: API_DIR,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', RATES_PROVIDER: 'fixed', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running = child
  let output = ''
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
  /** Resolves once `pattern` has matched `times` times in the output. */
  const seen = (pattern: RegExp, times = 1, timeoutMs = 90_000) =>
    new Promise<RegExpMatchArray[]>((resolve, reject) => {
      const started = Date.now()
      const poll = () => {
        const matches = [...output.matchAll(new RegExp(pattern, 'g'))]
        if (matches.length >= times) return resolve(matches)
        if (Date.now() - started > timeoutMs) return reject(new Error(`waited for ${pattern}:\n${output}`))
        setTimeout(poll, 100)
      }
      poll()
    })
  return { child, seen, output: () => output }
}

/** The processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const ppid = Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1])
        return ppid === pid ? [Number(d)] : []
      } catch {
        return []
      }
    })
}

afterEach(() => {
  if (running && running.exitCode === null) running.kill('SIGKILL')
})

describe('API_PROCESSES', () => {
  it('is refused on the embedded database, naming the variable', async () => {
    const api = start({ DATABASE_URL: undefined, API_PROCESSES: '2', COINBOOK_DATA_DIR: '/nonexistent' })
    const [code] = await once(api.child, 'exit')
    expect(code).toBe(1)
    expect(api.output()).toMatch(/API_PROCESSES: above 1 needs DATABASE_URL/)
  }, 60_000)

  it.runIf(process.env.DATABASE_URL)(
    'forks that many API processes on one port, replaces one that dies, and stops them all on SIGTERM',
    async () => {
      const api = start({ API_PROCESSES: '2' })
      const listening = await api.seen(/Coinbook is listening on http:\/\/localhost:(\d+)/, 2)
      const ports = new Set(listening.map((m) => m[1]))
      expect(ports.size).toBe(1)
      const base = `http://127.0.0.1:${[...ports][0]}`
      const pid = api.child.pid as number
      const workers = childrenOf(pid)
      expect(workers).toHaveLength(2)
      for (let i = 0; i < 20; i++) expect((await fetch(`${base}/healthz`)).status).toBe(200)

      process.kill(workers[0] as number, 'SIGKILL')
      await api.seen(/an API process died; starting another/)
      await api.seen(/Coinbook is listening/, 3)
      expect(childrenOf(pid)).toHaveLength(2)
      expect((await fetch(`${base}/healthz`)).status).toBe(200)

      const exited = once(api.child, 'exit')
      api.child.kill('SIGTERM')
      const [code] = await exited
      expect(code).toBe(0)
      expect(childrenOf(pid)).toEqual([])
    },
    180_000,
  )
})
