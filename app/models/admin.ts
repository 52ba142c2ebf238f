export * from './admin/schemas' // shim: removed when the areas are merged
