export * from './actions/notifications.server' // shim: removed when the areas are merged
