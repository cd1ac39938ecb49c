import { describe, expect, it } from 'vitest'
import { Chains } from '../src/chains/index.js'
import { loadConfig } from '../src/config.js'
import { allJobs, selectJobs, UnknownQueueError } from '../src/jobs/index.js'

// `coinbook worker --queues a,b`: which jobs a worker process runs.
const config = loadConfig({
  RATES_PROVIDER: 'fixed',
  BITCOIN_RPC_URLS: 'https://esplora.example/api',
  ETHEREUM_RPC_URLS: 'https://eth.example',
})
const jobs = allJobs(config, new Chains(config))
const ids = (names: string[]) => selectJobs(jobs, names).map((j) => j.id)

describe('worker --queues', () => {
  it('runs every job without --queues', () => {
    expect(ids([])).toEqual(jobs.map((j) => j.id))
    expect(ids(['', ' '])).toHaveLength(jobs.length)
  })

  it('runs exactly the named queues, in the order of allJobs, once each', () => {
    expect(ids(['chain.scan.ethereum', 'auth.prune-sessions', 'chain.scan.ethereum'])).toEqual([
      'auth.prune-sessions',
      'chain.scan.ethereum',
    ])
    expect(ids([' customers.import '])).toEqual(['customers.import'])
  })

  it('takes a prefix ending in *', () => {
    expect(ids(['chain.*'])).toEqual([
      'chain.scan.bitcoin',
      'chain.confirm.bitcoin',
      'chain.scan.ethereum',
      'chain.confirm.ethereum',
    ])
    expect(ids(['chain.scan.*', 'customers.*'])).toEqual([
      'customers.import',
      'customers.bulk',
      'customers.imports-prune',
      'chain.scan.bitcoin',
      'chain.scan.ethereum',
    ])
    expect(ids(['*'])).toHaveLength(jobs.length)
  })

  it('refuses unknown names and lists the valid ones', () => {
    let error: unknown
    try {
      selectJobs(jobs, ['customers.import', 'chain.scan.tron', 'emails.*'])
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(UnknownQueueError)
    const e = error as UnknownQueueError
    expect(e.unknown).toEqual(['chain.scan.tron', 'emails.*'])
    expect(e.valid).toEqual(jobs.map((j) => j.id))
    expect(e.message).toContain('Unknown queue(s): chain.scan.tron, emails.*')
    expect(e.message).toContain('Valid queues: auth.prune-sessions, customers.import')
    expect(e.message).toContain('chain.confirm.ethereum')
  })
})
