#!/usr/bin/env node
// Runs the TypeScript entry point through tsx, so the same sources serve dev, tests and production.
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')
