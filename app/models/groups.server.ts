export * from './plan/index.server' // shim: removed when the areas are merged
