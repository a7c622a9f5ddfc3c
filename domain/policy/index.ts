/** Public surface of the policy packs: types, packs, holiday calendar data and the resolver. */
export * from './gb32100.ts';
export * from './holidays-cn.ts';
export * from './national-2019.ts';
export * from './national-2020-checks.ts';
export * from './notices.ts';
export * from './qingpu-2021.ts';
export * from './resolve.ts';
export * from './shanghai-2024.ts';
export type * from './types.ts';
