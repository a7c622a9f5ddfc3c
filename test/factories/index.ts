/** Test factories: valid synthetic inputs, and rows written through the same paths the API uses. */
export * from './context.ts';
export * from './inputs.ts';
export * from './institutions.ts';
export * from './users.ts';
