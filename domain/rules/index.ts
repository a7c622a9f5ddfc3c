/** Public surface of the pure rules (browser-safe: no node: imports, no clock, no I/O). */
export * from './age.ts';
export * from './classes.ts';
export * from './coverage.ts';
export * from './dates.ts';
export * from './draw.ts';
export * from './draw-stream.ts';
export * from './funding.ts';
export * from './geo.ts';
export * from './ids.ts';
export * from './kpi.ts';
export * from './reasons.ts';
export * from './result.ts';
export * from './sha256.ts';
export * from './site-planner.ts';
export * from './workdays.ts';
