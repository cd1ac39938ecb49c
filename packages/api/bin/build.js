// Bundles the server (src/main.ts and the workspace packages it imports) into dist/main.js, so production
// runs plain JavaScript with no TypeScript loader in the process: ~80 MB less resident memory at rest.
// Packages stay outside the bundle and load from node_modules as usual; an import of one is rewritten to
// the path of the file it resolves to, so a workspace package's own dependencies (chain-watchers' viem,
// tronweb…) resolve although packages/api does not list them.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const apiDir = fileURLToPath(new URL('..', import.meta.url))
const outDir = join(apiDir, 'dist')
export const bundlePath = join(outDir, 'main.js')
const metaPath = join(outDir, 'meta.json')
/** Besides the sources: a changed install moves the files the bundle imports. */
const INSTALL = ['package.json', '../../pnpm-lock.yaml']

/** @type {import('esbuild').Plugin} */
const packagesFromNodeModules = {
  name: 'packages-from-node-modules',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'resolving' || args.path.startsWith('node:') || isAbsolute(args.path)) return
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      })
      if (resolved.errors.length > 0) return { errors: resolved.errors }
      // Node's own modules and the workspace's TypeScript packages are bundled.
      if (resolved.external || !resolved.path.includes(`${sep}node_modules${sep}`)) return resolved
      const path = relative(outDir, resolved.path).split(sep).join('/')
      return { path: path.startsWith('.') ? path : `./${path}`, external: true }
    })
  },
}

/** Builds dist/main.js; dist/meta.json lists what it was built from, for isFresh. */
export async function build() {
  // Loaded here, not with this file: a start that finds the bundle fresh never needs it.
  const esbuild = await import('esbuild')
  const result = await esbuild.build({
    absWorkingDir: apiDir,
    entryPoints: ['src/main.ts'],
    outfile: bundlePath,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [packagesFromNodeModules],
  })
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules/'))
  const files = [
    ...result.outputFiles.map((f) => ({ path: f.path, contents: f.contents })),
    { path: metaPath, contents: JSON.stringify({ inputs: [...inputs, ...INSTALL] }) },
  ]
  await mkdir(outDir, { recursive: true })
  // Each file under a private name first, then renamed: processes that start (and build) at once never
  // load half a file. The bundle comes last, so it is never newer than its map or its input list.
  for (const f of files) await writeFile(`${f.path}.${process.pid}.tmp`, f.contents)
  files.sort((a, b) => Number(a.path === bundlePath) - Number(b.path === bundlePath))
  for (const f of files) await rename(`${f.path}.${process.pid}.tmp`, f.path)
}

/** Whether dist/main.js exists and none of the files it was built from changed since. */
export async function isFresh() {
  try {
    const built = (await stat(bundlePath)).mtimeMs
    const { inputs } = JSON.parse(await readFile(metaPath, 'utf8'))
    const times = await Promise.all(inputs.map(async (p) => (await stat(join(apiDir, p))).mtimeMs))
    return times.every((t) => t <= built)
  } catch {
    return false
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now()
  await build()
  console.log(`built ${relative(process.cwd(), bundlePath)} in ${Math.round(performance.now() - started)} ms`)
}
