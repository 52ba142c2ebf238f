export * from './materials/index.server' // shim: removed when the areas are merged
