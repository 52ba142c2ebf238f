export * from './stakeholders/index.server' // shim: removed when the areas are merged
