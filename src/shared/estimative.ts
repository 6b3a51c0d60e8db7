/**
 * ICD-203 expressions of likelihood, from least to most likely (with the ranges the directive gives).
 * Apart from the zod model so the renderer can list them without bundling zod.
 */
export const ESTIMATIVE_TERMS = [
  'almost no chance', // 1-5%
  'very unlikely', // 5-20%
  'unlikely', // 20-45%
  'roughly even chance', // 45-55%
  'likely', // 55-80%
  'very likely', // 80-95%
  'almost certain', // 95-99%
] as const
