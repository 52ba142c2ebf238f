export * from './actions/form' // shim: removed when the areas are merged
