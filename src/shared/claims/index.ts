export * from './corroboration'
export * from './grading'
export * from './matrix'
