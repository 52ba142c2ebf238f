export * from './audit/index.server' // shim: removed when the areas are merged
