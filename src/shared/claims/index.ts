export * from './corroboration'
export * from './grading'
export * from './matrix'
export * from './tag-filter'
