export * from '../imports/index.server' // shim: removed when the areas are merged
