export * from '~/utils/action-list-editor.server' // shim: removed when the areas are merged
