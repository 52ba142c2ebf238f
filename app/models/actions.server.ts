export * from './actions/index.server' // shim: removed when the areas are merged
