export * from './money.js'
export * from './registry/index.js'
