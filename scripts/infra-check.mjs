#!/usr/bin/env node
// Offline checks of infra/, run by `pnpm infra:check` (and so by `pnpm test`):
// - renders the kustomize base and every overlay with `kubectl kustomize` (kustomize v5+; KUBECTL=path to
//   choose the binary), validates every object against the Kubernetes schemas (kubernetes-models), and
//   asserts what the deployment relies on (probes, non-root, resources, config references, selectors);
//   without a suitable kubectl it says so and validates the source manifests one by one instead;
// - parses infra/compose.yaml and asserts its services, healthchecks and start order.
// No cluster and no Docker daemon are needed.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse, parseAllDocuments } from 'yaml'

const root = fileURLToPath(new URL('..', import.meta.url))
const infra = join(root, 'infra')
const failures = []
const fail = (where, message) => failures.push(`${where}: ${message}`)
let reported = 0
/** Prints a line for a finished step: ok, or FAIL when it added failures. */
const ok = (message) => {
  console.log(`${failures.length > reported ? 'FAIL' : 'ok  '}  ${message}`)
  reported = failures.length
}

// ---------------------------------------------------------------- Kubernetes

/** Validates one object against its kind's schema; false when the kind is unknown or the object invalid. */
async function validateObject(where, obj) {
  const { apiVersion, kind } = obj ?? {}
  const name = `${where} ${kind}/${obj?.metadata?.name}`
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return fail(name, 'no apiVersion or kind')
  let Model
  try {
    Model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind]
  } catch {
    return fail(name, `unknown kind ${kind} in ${apiVersion}`)
  }
  // kustomize wraps long base64 values in Secrets; the API server's decoder skips the newlines, the schema not.
  if (kind === 'Secret' && obj.data) {
    obj = {
      ...obj,
      data: Object.fromEntries(Object.entries(obj.data).map(([k, v]) => [k, String(v).replace(/\s/g, '')])),
    }
  }
  try {
    new Model(obj).validate()
  } catch (err) {
    fail(name, String(err.message ?? err))
  }
}

/** The kustomize version built into kubectl: undefined without kubectl, 'unknown' when too old to say. */
function kustomizeVersion(kubectl) {
  const r = spawnSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' })
  if (r.error) return undefined
  try {
    return JSON.parse(r.stdout).kustomizeVersion ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/** A copy of infra/k8s where every secrets.env is its committed .example, so renders never read real secrets. */
function k8sCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'coinbook-k8s-'))
  cpSync(join(infra, 'k8s'), dir, { recursive: true })
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.env.example')) copyFileSync(p, p.slice(0, -'.example'.length))
    }
  }
  walk(dir)
  return dir
}

function render(kubectl, dir, target) {
  const r = spawnSync(kubectl, ['kustomize', join(dir, target)], { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 0) {
    fail(target, `kubectl kustomize failed:\n${r.stderr || r.error}`)
    return []
  }
  // Deprecated fields and the like: keep the manifests free of them.
  if (r.stderr.trim()) fail(target, `kubectl kustomize warned:\n${r.stderr.trim()}`)
  return parseAllDocuments(r.stdout).map((d) => d.toJS())
}

const podSpecOf = (obj) => obj.spec?.template?.spec
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name)
const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v) &&
  Object.keys(selector ?? {}).length > 0

/** What the deployment relies on, beyond the schema. */
function assertRendered(target, objects, { production }) {
  const where = (o) => `${target} ${o.kind}/${o.metadata?.name}`
  for (const o of objects) {
    if (o.kind !== 'Namespace' && o.metadata?.namespace !== 'coinbook')
      fail(where(o), 'not in namespace coinbook')
  }
  const names = (kind) => new Set(objects.filter((o) => o.kind === kind).map((o) => o.metadata.name))
  const configMaps = names('ConfigMap')
  const secrets = names('Secret')
  const services = names('Service')

  const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('coinbook-config'))
  if (config?.data?.MIGRATE_ON_START !== 'false') {
    fail(target, 'the coinbook-config ConfigMap must set MIGRATE_ON_START=false (the migration Job migrates)')
  }

  const workloads = [
    ['Deployment', 'coinbook-api', 'api'],
    ['Deployment', 'coinbook-worker', 'worker'],
    ['Job', 'coinbook-migrate', 'migrate'],
  ]
  for (const [kind, name, command] of workloads) {
    const obj = find(objects, kind, name)
    if (!obj) {
      fail(target, `no ${kind} ${name}`)
      continue
    }
    const pod = podSpecOf(obj)
    const w = where(obj)
    if (pod?.securityContext?.runAsNonRoot !== true) fail(w, 'pod securityContext.runAsNonRoot must be true')
    if (
      kind === 'Deployment' &&
      !matches(obj.spec.selector?.matchLabels, obj.spec.template?.metadata?.labels)
    ) {
      fail(w, 'selector does not match the pod labels')
    }
    for (const c of pod?.containers ?? []) {
      const cw = `${w} container ${c.name}`
      if (kind === 'Deployment' && command === 'worker') {
        // The worker's probes reach the port it serves its health on, so a stuck worker is restarted.
        const port = c.env?.find((e) => e.name === 'WORKER_HEALTH_PORT')?.value
        const named = c.ports?.find((p) => String(p.containerPort) === port)?.name
        const probe = c.livenessProbe?.httpGet
        if (
          !port ||
          !probe ||
          probe.path !== '/healthz' ||
          (probe.port !== named && String(probe.port) !== port)
        ) {
          fail(cw, 'needs WORKER_HEALTH_PORT and a livenessProbe on /healthz at that port')
        }
      }
      const args = c.command ?? []
      if (args[args.indexOf('packages/api/bin/coinbook.js') + 1] !== command) {
        fail(cw, `command must run \`coinbook ${command}\`, got ${JSON.stringify(c.command)}`)
      }
      const sc = c.securityContext ?? {}
      if (sc.readOnlyRootFilesystem !== true) fail(cw, 'readOnlyRootFilesystem must be true')
      if (sc.allowPrivilegeEscalation !== false) fail(cw, 'allowPrivilegeEscalation must be false')
      if (!sc.capabilities?.drop?.includes('ALL')) fail(cw, 'capabilities must drop ALL')
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory)
        fail(cw, 'needs cpu and memory requests')
      if (!c.resources?.limits?.memory) fail(cw, 'needs a memory limit')
      if (!c.volumeMounts?.some((m) => m.mountPath === '/tmp'))
        fail(cw, 'needs a writable /tmp (tsx caches there)')
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef && !configMaps.has(from.configMapRef.name)) {
          fail(cw, `envFrom names a missing ConfigMap ${from.configMapRef.name}`)
        }
        if (from.secretRef && !secrets.has(from.secretRef.name)) {
          fail(cw, `envFrom names a missing Secret ${from.secretRef.name}`)
        }
      }
      if (!c.envFrom?.some((f) => f.secretRef)) fail(cw, 'must read the coinbook-secrets Secret')
    }
  }

  const api = find(objects, 'Deployment', 'coinbook-api')
  const c = podSpecOf(api ?? {})?.containers?.[0]
  if (c) {
    const w = `${where(api)} container ${c.name}`
    const ports = new Set((c.ports ?? []).map((p) => p.name))
    for (const [probe, path] of [
      ['readinessProbe', '/readyz'],
      ['livenessProbe', '/healthz'],
      ['startupProbe', '/healthz'],
    ]) {
      const get = c[probe]?.httpGet
      if (get?.path !== path) fail(w, `${probe} must GET ${path}`)
      else if (typeof get.port === 'string' && !ports.has(get.port))
        fail(w, `${probe} names no port ${get.port}`)
    }
    const sleep = Number(c.lifecycle?.preStop?.exec?.command?.at(-1) ?? Number.NaN)
    const grace = podSpecOf(api).terminationGracePeriodSeconds ?? 30
    if (!(sleep > 0)) fail(w, 'needs a preStop sleep, so endpoints drop the pod before it stops accepting')
    else if (grace < sleep + 15)
      fail(w, `terminationGracePeriodSeconds ${grace} leaves under 15 s after preStop`)
    if (api.spec.strategy?.rollingUpdate?.maxUnavailable !== 0)
      fail(where(api), 'rolling updates must keep every pod')
    if (production && !(api.spec.replicas >= 2)) fail(where(api), 'production needs at least 2 API replicas')
  }
  const job = find(objects, 'Job', 'coinbook-migrate')
  if (job && podSpecOf(job)?.restartPolicy !== 'Never') fail(where(job), 'restartPolicy must be Never')

  for (const svc of objects.filter((o) => o.kind === 'Service')) {
    const pods = objects.filter((o) => o.kind === 'Deployment').map((d) => d.spec.template.metadata.labels)
    if (!pods.some((labels) => matches(svc.spec.selector, labels))) fail(where(svc), 'selects no pods')
  }
  const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget')
  for (const name of ['coinbook-api', 'coinbook-worker']) {
    const d = find(objects, 'Deployment', name)
    if (d && !pdbs.some((p) => matches(p.spec.selector?.matchLabels, d.spec.template.metadata.labels))) {
      fail(where(d), 'no PodDisruptionBudget covers it')
    }
  }
  for (const ing of objects.filter((o) => o.kind === 'Ingress')) {
    for (const rule of ing.spec.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        if (!services.has(p.backend?.service?.name))
          fail(where(ing), `backend ${p.backend?.service?.name} is no Service`)
      }
    }
  }
}

async function checkKubernetes() {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by this script only, which turbo does not run
  const kubectl = process.env.KUBECTL || 'kubectl'
  const version = kustomizeVersion(kubectl)
  const major = Number(/^v?(\d+)/.exec(version ?? '')?.[1] ?? 0)
  const overlays = readdirSync(join(infra, 'k8s/overlays')).map((o) => `overlays/${o}`)
  if (major >= 5) {
    const dir = k8sCopy()
    try {
      for (const target of ['base', ...overlays]) {
        const objects = render(kubectl, dir, target)
        if (objects.length === 0) continue
        for (const obj of objects) await validateObject(target, obj)
        assertRendered(target, objects, { production: target.endsWith('production') })
        ok(`k8s/${target}: kubectl kustomize (kustomize ${version}) rendered ${objects.length} objects`)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    return
  }
  // Fallback: Debian's kubernetes-client ships kustomize v2, too old for these kustomizations.
  console.log(
    `SKIP  kubectl kustomize: ${version ? `${kubectl} has kustomize ${version}, v5 or newer is needed` : `no ${kubectl} found`}` +
      ' (set KUBECTL=/path/to/kubectl); validating each manifest file on its own instead',
  )
  for (const target of ['base', ...overlays]) {
    const dir = join(infra, 'k8s', target)
    const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'))
    const patches = new Set((kustomization.patches ?? []).map((p) => p.path))
    let count = 0
    for (const file of kustomization.resources ?? []) {
      if (!file.endsWith('.yaml') || patches.has(file)) continue
      for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
        await validateObject(`${target}/${file}`, doc.toJS())
        count++
      }
    }
    ok(`k8s/${target}: ${count} objects in its own files valid (not rendered)`)
  }
}

// ---------------------------------------------------------------- Compose

function checkCompose() {
  const file = join(infra, 'compose.yaml')
  const compose = parse(readFileSync(file, 'utf8'), { merge: true })
  const services = compose?.services ?? {}
  const where = (name) => `compose.yaml services.${name}`
  for (const name of ['postgres', 'redis', 'migrate', 'api', 'worker', 'proxy']) {
    if (!services[name]) fail('compose.yaml', `no service ${name}`)
  }
  if (!/^postgres:15(\b|$)/.test(services.postgres?.image ?? ''))
    fail(where('postgres'), 'image must be postgres:15')
  if (!/^redis:7(\b|$)/.test(services.redis?.image ?? '')) fail(where('redis'), 'image must be redis:7')

  const hasHealthcheck = (s) => Boolean(s?.healthcheck?.test) && s.healthcheck.disable !== true
  for (const name of ['postgres', 'redis', 'api', 'worker', 'proxy']) {
    if (!hasHealthcheck(services[name])) fail(where(name), 'needs a healthcheck')
  }
  const workerPort = services.worker?.environment?.WORKER_HEALTH_PORT
  if (
    !workerPort ||
    !JSON.stringify(services.worker?.healthcheck?.test ?? '').includes(`:${workerPort}/healthz`)
  ) {
    fail(where('worker'), 'needs WORKER_HEALTH_PORT and a healthcheck calling /healthz on it')
  }
  if (!JSON.stringify(services.api?.healthcheck?.test ?? '').includes('/readyz')) {
    fail(where('api'), 'healthcheck must call /readyz')
  }

  const command = (s) => (Array.isArray(s?.command) ? s.command : String(s?.command ?? '').split(/\s+/))
  for (const [name, sub] of [
    ['migrate', 'migrate'],
    ['api', 'api'],
    ['worker', 'worker'],
  ]) {
    const s = services[name]
    if (!s) continue
    const args = command(s)
    if (
      !args.join(' ').includes('coinbook.js') ||
      args[args.indexOf('packages/api/bin/coinbook.js') + 1] !== sub
    ) {
      fail(where(name), `command must run \`coinbook ${sub}\`, got ${JSON.stringify(s.command)}`)
    }
    const env = s.environment ?? {}
    for (const v of ['DATABASE_URL', 'REDIS_URL']) if (!env[v]) fail(where(name), `environment needs ${v}`)
    if (name !== 'migrate') {
      if (String(env.MIGRATE_ON_START) !== 'false') fail(where(name), 'needs MIGRATE_ON_START=false')
      if (s.deploy?.replicas !== 2) fail(where(name), 'needs deploy.replicas: 2')
      if (s.ports) fail(where(name), 'replicas cannot publish ports: the proxy does')
      const dep = s.depends_on ?? {}
      if (dep.migrate?.condition !== 'service_completed_successfully') {
        fail(where(name), 'must depend on migrate with condition service_completed_successfully')
      }
      for (const db of ['postgres', 'redis']) {
        if (dep[db]?.condition !== 'service_healthy') fail(where(name), `must wait for ${db} to be healthy`)
      }
    }
  }
  if (services.migrate && !['no', undefined].includes(services.migrate.restart)) {
    fail(where('migrate'), 'a one-shot service must not restart')
  }
  if (services.migrate?.depends_on?.postgres?.condition !== 'service_healthy') {
    fail(where('migrate'), 'must wait for postgres to be healthy')
  }
  if (services.proxy?.depends_on?.api?.condition !== 'service_healthy') {
    fail(where('proxy'), 'must wait for a healthy api')
  }
  if (!services.proxy?.ports?.length) fail(where('proxy'), 'must publish a port')

  // Every dependency exists, and waiting for health needs a healthcheck.
  for (const [name, s] of Object.entries(services)) {
    const deps = Array.isArray(s.depends_on)
      ? Object.fromEntries(s.depends_on.map((d) => [d, {}]))
      : (s.depends_on ?? {})
    for (const [dep, { condition } = {}] of Object.entries(deps)) {
      if (!services[dep]) fail(where(name), `depends on a missing service ${dep}`)
      else if (condition === 'service_healthy' && !hasHealthcheck(services[dep])) {
        fail(where(name), `waits for ${dep} to be healthy, but ${dep} has no healthcheck`)
      }
    }
    for (const v of s.volumes ?? []) {
      const source = typeof v === 'string' ? v.split(':')[0] : v.source
      if (source.startsWith('.')) {
        if (!existsSync(join(infra, source))) fail(where(name), `mounts ${source}, which is not in infra/`)
      } else if (!(source in (compose.volumes ?? {}))) {
        fail(where(name), `uses the undeclared volume ${source}`)
      }
    }
  }

  // The proxy's config balances the api replicas.
  const caddyfile = readFileSync(join(infra, 'Caddyfile'), 'utf8')
  if (!/reverse_proxy[\s\S]*dynamic a api 3000/.test(caddyfile))
    fail('Caddyfile', 'must proxy to every api replica')
  ok(`compose.yaml: ${Object.keys(services).length} services, healthchecks and start order as expected`)
}

// The Grafana dashboard parses and asks only for metrics the API defines.
function checkGrafana() {
  const file = join(infra, 'grafana', 'coinbook.json')
  const dashboard = JSON.parse(readFileSync(file, 'utf8'))
  const defined = readFileSync(
    join(infra, '..', 'packages', 'api', 'src', 'observability', 'metrics.ts'),
    'utf8',
  )
  const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr))
  for (const expr of exprs) {
    for (const [name] of expr.matchAll(/coinbook_[a-z_]+/g)) {
      const base = name.replace(/_(bucket|count|sum)$/, '')
      if (!base.startsWith('coinbook_process_') && !defined.includes(`'${base}'`))
        fail('grafana/coinbook.json', `${name} is not a metric of src/observability/metrics.ts`)
    }
  }
  ok(`grafana/coinbook.json: ${dashboard.panels.length} panels over defined metrics`)
}

await checkKubernetes()
checkCompose()
checkGrafana()
if (failures.length > 0) {
  console.error(`\ninfra check failed (${failures.length}):\n${failures.map((f) => `  - ${f}`).join('\n')}`)
  process.exit(1)
}
console.log('infra check passed')
