export * from './priorities/schemas' // shim: removed when the areas are merged
