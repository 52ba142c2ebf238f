export * from './events/schemas' // shim: removed when the areas are merged
export * from './materials/schemas' // shim: removed when the areas are merged
export * from './plan/form-fields' // shim: removed when the areas are merged
export * from './plan/schemas' // shim: removed when the areas are merged
