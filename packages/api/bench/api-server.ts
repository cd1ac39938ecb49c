import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const API_DIR = fileURLToPath(new URL('..', import.meta.url))

export interface RunningApi {
  url: string
  /** The API process, for benchmarks that read its memory (/proc/<pid>/status); absent for --url. */
  pid?: number
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  server.close()
  if (address === null || typeof address === 'string') throw new Error('could not find a free port')
  return address.port
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/**
 * Starts the real API process (`bin/coinbook.js api`, the bundle production runs; no job workers) on a
 * free port with the current environment, and resolves once /healthz answers. Its output is kept and
 * shown only if it fails to start.
 */
export async function startApi({
  timeoutMs = 60_000,
  env = {},
}: {
  timeoutMs?: number
  env?: Record<string, string>
} = {}): Promise<RunningApi> {
  const port = await freePort()
  // BENCH_API_NODE_ARGS: extra node flags for the API process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...nodeArgs, 'bin/coinbook.js', 'api'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString())
    if (output.length > 200) output.shift()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) {
      throw new Error(`The API exited with code ${child.exitCode} before it was ready:\n${output.join('')}`)
    }
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { url, ...(child.pid ? { pid: child.pid } : {}), stop: () => stopChild(child) }
    await new Promise((r) => setTimeout(r, 200))
  }
  await stopChild(child)
  throw new Error(`The API did not answer /healthz within ${timeoutMs / 1000}s:\n${output.join('')}`)
}
