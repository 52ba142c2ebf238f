export * from './stakeholders/schemas' // shim: removed when the areas are merged
