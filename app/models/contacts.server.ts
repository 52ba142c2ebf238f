export * from './contacts/index.server' // shim: removed when the areas are merged
