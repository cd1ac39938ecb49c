import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const dashboardDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const apiDir = resolve(dashboardDir, '../api')

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolvePort(port))
    })
  })
}

export interface RunningApi {
  baseURL: string
  stop: () => Promise<void>
}

/**
 * Starts `coinbook start` (API + dashboard + jobs) as a child process and waits until /healthz answers.
 * Its output is kept and printed if it fails to start, so a broken server explains itself.
 */
export async function startApi(env: Record<string, string>, timeoutMs = 90_000): Promise<RunningApi> {
  const port = await freePort()
  const baseURL = `http://127.0.0.1:${port}`
  const child: ChildProcess = spawn(process.execPath, ['bin/coinbook.js', 'start'], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseURL,
      // The tests sign up and log in many times a minute from one address.
      RATE_LIMIT_AUTH_PER_MINUTE: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString()
  })
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString()
  })
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))

  const deadline = Date.now() + timeoutMs
  let ready = false
  while (!ready && Date.now() < deadline) {
    if (child.exitCode !== null) break
    ready = await fetch(`${baseURL}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (!ready) await new Promise((r) => setTimeout(r, 250))
  }
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
  }
  if (!ready) {
    await stop()
    throw new Error(
      `The Coinbook server did not become healthy at ${baseURL}/healthz.\n--- its output ---\n${output}`,
    )
  }
  return { baseURL, stop }
}
