#!/usr/bin/env node
// Runs the server from dist/main.js, the bundle of the TypeScript sources (see build.js), building it first
// when a source has changed since. Where it cannot be built (an install whose files this user may not
// write), the sources run through tsx instead, as in development. COINBOOK_RUN_SOURCES=1 forces that.
import { pathToFileURL } from 'node:url'
import v8 from 'node:v8'
import { build, bundlePath, isFresh } from './build.js'

// V8 lets the heap grow to several times what is live before it collects: an import of a large file left
// ~250 MB of garbage behind ~60 MB of live objects. A growth factor of 1.2 collects sooner for a little
// CPU. A --heap-growing-percent given to node takes precedence.
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) {
  v8.setFlagsFromString('--heap-growing-percent=20')
}

let entry = process.env.COINBOOK_RUN_SOURCES === '1' ? undefined : bundlePath
if (entry && !(await isFresh())) {
  try {
    await build()
  } catch (err) {
    const msg = 'could not build dist/main.js; running the TypeScript sources through tsx'
    console.error(JSON.stringify({ level: 'warn', msg, error: String(err) }))
    entry = undefined
  }
}
if (entry) await import(pathToFileURL(entry).href)
else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/main.ts')
}
