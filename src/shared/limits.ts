/** Input limits, shared by main (which enforces them) and the renderer (which warns early). */

/** Larger pasted or dropped inputs are refused with a message rather than stalling the app. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
export const MAX_FILES_PER_IMPORT = 200
