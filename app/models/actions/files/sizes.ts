/** The thumbnail's longest side, in pixels (made on upload, shown on the action's page). */
export const thumbnailSize = 320
