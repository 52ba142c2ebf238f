export * from './evidence/index.server' // shim: removed when the areas are merged
