/**
 * The one result shape every rule returns: `{ ok: true, ...value } | { ok: false, reason, ... }`.
 * Rules never throw on bad input; they return a reason code from reasons.ts, and optionally the
 * input field it concerns, so the server can answer 400 `{field, rule, message_zh, message_en}`.
 */
import type { ReasonCode } from './reasons.ts';

/** Success carrying the value's fields. */
export type Ok<T extends object> = { ok: true } & T;

/** Failure: a reason code, the offending input field when known, and optional detail. */
export interface Err {
  ok: false;
  reason: ReasonCode;
  field?: string;
  detail?: Readonly<Record<string, string | number>>;
}

/** Either a success with fields T or a failure with a reason code. */
export type Result<T extends object> = Ok<T> | Err;

/** Build a success. */
export function ok<T extends object>(value: T): Ok<T> {
  return { ok: true, ...value };
}

/** Build a failure with a reason code, optional field name and detail. */
export function err(reason: ReasonCode, field?: string, detail?: Record<string, string | number>): Err {
  const e: Err = { ok: false, reason };
  if (field !== undefined) e.field = field;
  if (detail !== undefined) e.detail = detail;
  return e;
}
