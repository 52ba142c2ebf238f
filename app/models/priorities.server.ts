export * from './priorities/index.server' // shim: removed when the areas are merged
