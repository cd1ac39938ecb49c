import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/**
 * The process's Prometheus metrics, on a registry of its own (not prom-client's global one, which other
 * libraries may fill). Every label has a small, closed set of values: route patterns, never raw paths;
 * networks and URLs from the configuration, never user input.
 */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'coinbook_process_' })
  const registers = [registry]
  return {
    registry,
    httpDuration: new Histogram({
      name: 'coinbook_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status class',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    jobDuration: new Histogram({
      name: 'coinbook_job_duration_seconds',
      help: 'Job runs by job id and outcome',
      labelNames: ['job', 'outcome'] as const,
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers,
    }),
    jobFailures: new Counter({
      name: 'coinbook_job_failures_total',
      help: 'Job runs that threw, by job id',
      labelNames: ['job'] as const,
      registers,
    }),
    chainHead: new Gauge({
      name: 'coinbook_chain_head',
      help: 'The newest block (slot, masterchain seqno) a node reported, by network',
      labelNames: ['network'] as const,
      registers,
    }),
    chainCursor: new Gauge({
      name: 'coinbook_chain_cursor',
      help: 'The last block the scan has ingested, by network (block-scanned networks)',
      labelNames: ['network'] as const,
      registers,
    }),
    chainLag: new Gauge({
      name: 'coinbook_chain_lag_blocks',
      help: 'Head minus cursor, by network',
      labelNames: ['network'] as const,
      registers,
    }),
    lastScan: new Gauge({
      name: 'coinbook_chain_last_scan_timestamp_seconds',
      help: 'When the scan of a network last finished',
      labelNames: ['network'] as const,
      registers,
    }),
    rpcErrors: new Counter({
      name: 'coinbook_rpc_errors_total',
      help: 'Failed node requests, by network and URL (credentials removed)',
      labelNames: ['network', 'url'] as const,
      registers,
    }),
    outboxDepth: new Gauge({
      name: 'coinbook_outbox_depth',
      help: 'Rows waiting in an outbox at scrape time: email (queued messages), webhooks (pending deliveries)',
      labelNames: ['outbox'] as const,
      registers,
    }),
    payments: new Counter({
      name: 'coinbook_payments_total',
      help: 'Payment transitions: detected, confirmed, failed, reorged; by network',
      labelNames: ['network', 'event'] as const,
      registers,
    }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>

/** The process's metrics: one per process, as Prometheus scrapes a process. */
export const metrics: Metrics = createMetrics()
