export * from './dashboards/index.server' // shim: removed when the areas are merged
