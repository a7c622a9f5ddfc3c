/** The rule-pack values in force for a district on a day, and the local calendar date (Asia/Shanghai). */
import { resolvePolicy } from '../../../domain/policy/resolve.ts';
import type { PolicyValues } from '../../../domain/policy/types.ts';
import { localDate } from '../../platform/clock.ts';

export { localDate } from '../../platform/clock.ts';

const cache = new Map<string, PolicyValues>();

/** Values in force (national → Shanghai → district packs); a failure is a deployment error, not a user error. */
export function policyOn(districtCode: string, at: Date): PolicyValues {
  const day = localDate(at);
  const key = `${districtCode}:${day}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const r = resolvePolicy(districtCode, day);
  if (!r.ok) throw new Error(`no rule pack in force for ${districtCode} on ${day}: ${r.reason}`);
  if (cache.size > 1000) cache.clear();
  cache.set(key, r.values);
  return r.values;
}
