export { createTarget } from './create-target'
export { anchorTarget } from './anchor-target'
export type { Anchor } from './anchor-target'
