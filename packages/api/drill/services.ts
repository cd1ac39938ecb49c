import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { chownSync, existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The drill's own PostgreSQL, Redis and Coinbook processes: it crashes and restarts them, so it never uses
// (or disturbs) the services other tests and developers share on this machine.

const API_DIR = fileURLToPath(new URL('..', import.meta.url))
const asRoot = process.getuid?.() === 0

export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  server.close()
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** Debian's PostgreSQL server binaries (initdb, pg_ctl), newest version; undefined when not installed. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const version = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0]
  return version ? join(root, version, 'bin') : undefined
}

/** Runs a PostgreSQL tool as the postgres user when we are root (initdb and the server refuse root). */
function pgTool(bin: string, tool: string, args: string[]) {
  const [cmd, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
    : [join(bin, tool), args]
  execFileSync(cmd as string, argv as string[], { stdio: 'pipe' })
}

export interface Postgres {
  url: string
  /** An immediate shutdown (no checkpoint: crash recovery on start), then a start. */
  crashRestart(): Promise<void>
  stop(): Promise<void>
}

export async function startPostgres(bin: string): Promise<Postgres> {
  const dir = mkdtempSync(join(tmpdir(), 'coinbook-drill-pg-'))
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir])
  const data = join(dir, 'data')
  pgTool(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
  const port = await freePort()
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`
  const log = join(dir, 'server.log')
  const start = () => pgTool(bin, 'pg_ctl', ['-D', data, '-o', opts, '-l', log, '-w', 'start'])
  start()
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  return {
    url,
    async crashRestart() {
      pgTool(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      start()
    },
    async stop() {
      pgTool(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
    },
  }
}

export interface RedisServer {
  url: string
  /** SIGKILL, then a new server on the same port and append-only file (as a crashed pod comes back). */
  crashRestart(): Promise<void>
  stop(): Promise<void>
}

export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'coinbook-drill-redis-'))
  if (asRoot) chownSync(dir, 0, 0)
  const port = await freePort()
  let child: ChildProcess
  const start = async () => {
    // As infra/compose.yaml runs it: append-only, never evicting BullMQ's keys.
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes'],
      { stdio: 'ignore' },
    )
    await waitFor('redis', async () => {
      const out = execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'pipe' })
        .toString()
        .trim()
      return out === 'PONG'
    })
  }
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}/0`,
    async crashRestart() {
      await kill()
      await start()
    },
    stop: kill,
  }
}

export interface CoinbookProcess {
  name: string
  child: ChildProcess
  output: string[]
  /** SIGKILL: no shutdown hooks, jobs and transactions cut wherever they were. */
  kill(): Promise<void>
  stop(): Promise<void>
}

/** `coinbook <command>` as a child process with this environment; output kept for failure reports. */
export function startCoinbook(name: string, args: string[], env: Record<string, string>): CoinbookProcess {
  const child = spawn(process.execPath, ['bin/coinbook.js', ...args], {
    cwd: API_DIR,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString())
    if (output.length > 100) output.shift()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = once(child, 'exit')
    child.kill(sig)
    await exited
  }
  return { name, child, output, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') }
}

/** Runs `coinbook migrate` to completion. */
export function migrate(env: Record<string, string>) {
  execFileSync(process.execPath, ['bin/coinbook.js', 'migrate'], {
    cwd: API_DIR,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: 'pipe',
  })
}
