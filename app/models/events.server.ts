export * from './events/index.server' // shim: removed when the areas are merged
