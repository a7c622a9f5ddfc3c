/** Shared test fixtures: resolved policy values for Qingpu and for a district without district packs. */
import { resolvePolicy } from '../policy/resolve.ts';
import type { PolicyValues } from '../policy/types.ts';

/** Values in force for a district on a date; throws in tests when resolution fails. */
export function valuesFor(district: string, date: string): PolicyValues {
  const r = resolvePolicy(district, date);
  if (!r.ok) throw new Error(`policy resolution failed: ${r.reason}`);
  return r.values;
}

/** Qingpu while the 2021–2023 plan is in force. */
export const QINGPU_2022 = valuesFor('310118', '2022-06-01');
/** Qingpu after the family-point measures (2024), plan expired. */
export const QINGPU_2024 = valuesFor('310118', '2024-06-01');
/** A Shanghai district with no district pack, before the family-point measures. */
export const HUANGPU_2022 = valuesFor('310101', '2022-06-01');
