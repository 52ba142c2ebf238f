export * from './priorities/scoring' // shim: removed when the areas are merged
