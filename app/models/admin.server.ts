export * from './admin/index.server' // shim: removed when the areas are merged
