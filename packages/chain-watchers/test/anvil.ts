import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Anvil's well-known dev mnemonic: accounts 0–9 hold 10,000 ETH each. */
export const anvilMnemonic = 'test test test test test test test test test test test junk'

export interface Anvil {
  url: string
  chainId: number
  /** Sends a raw JSON-RPC call (anvil_mine, anvil_reorg, evm_setAutomine…). */
  rpc<T = unknown>(method: string, params?: unknown[]): Promise<T>
  stop(): Promise<void>
}

export interface StartAnvilOptions {
  chainId?: number
  /** Extra command-line flags, e.g. ['--gas-limit', '300000000']. */
  args?: string[]
}

/**
 * Starts the anvil binary of `@foundry-rs/anvil` on a free port (anvil picks it: `--port 0`), waits until it
 * answers, and returns its URL. Automine is on: every transaction gets its own block.
 */
export async function startAnvil({ chainId = 31337, args = [] }: StartAnvilOptions = {}): Promise<Anvil> {
  const child = spawn(anvilBinary(), ['--port', '0', '--chain-id', String(chainId), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await listeningUrl(child)
  const rpc = async <T>(method: string, params: unknown[] = []): Promise<T> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    })
    const reply = (await res.json()) as { result?: T; error?: { message: string } }
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`)
    return reply.result as T
  }
  await waitUntil(async () => (await rpc<string>('eth_chainId')) === `0x${chainId.toString(16)}`)
  return {
    url,
    chainId,
    rpc,
    stop: () => stop(child),
  }
}

/**
 * The platform binary that `@foundry-rs/anvil` pulls in as an optional dependency. Spawning it directly
 * (not the `.bin/anvil` node shim) means the process we kill is anvil itself. `ANVIL_BINARY` overrides.
 */
export function anvilBinary(): string {
  if (process.env.ANVIL_BINARY) return process.env.ANVIL_BINARY
  const arch = process.arch === 'x64' ? 'amd64' : process.arch
  const platformPackage = `@foundry-rs/anvil-${process.platform}-${arch}`
  const exe = process.platform === 'win32' ? 'anvil.exe' : 'anvil'
  try {
    const wrapper = createRequire(import.meta.url).resolve('@foundry-rs/anvil/package.json')
    const pkg = createRequire(wrapper).resolve(`${platformPackage}/package.json`)
    const bin = join(dirname(pkg), 'bin', exe)
    if (existsSync(bin)) return bin
  } catch {
    // fall through to the package's .bin shim
  }
  const shim = fileURLToPath(new URL('../node_modules/.bin/anvil', import.meta.url))
  if (existsSync(shim)) return shim
  throw new Error(`anvil not found: install @foundry-rs/anvil (with ${platformPackage}) or set ANVIL_BINARY`)
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    let settled = false
    const settle = (error: Error | undefined, url?: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (error) {
        child.kill('SIGKILL')
        reject(error)
      } else resolve(url!)
    }
    const timer = setTimeout(() => settle(new Error(`anvil did not start within 20 s:\n${output}`)), 20_000)
    child.stderr?.on('data', (chunk: Buffer) => {
      if (!settled) output += chunk.toString()
    })
    // Keep draining stdout after the banner: a full pipe would stall anvil.
    child.stdout?.on('data', (chunk: Buffer) => {
      if (settled) return
      output += chunk.toString()
      const match = /Listening on ([\d.]+):(\d+)/.exec(output)
      if (match) settle(undefined, `http://${match[1]}:${match[2]}`)
    })
    child.once('error', (error) => settle(error))
    child.once('exit', (code) => settle(new Error(`anvil exited with ${code} before listening:\n${output}`)))
  })
}

async function waitUntil(ready: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await ready().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('anvil did not answer eth_chainId in 10 s')
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 3_000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
