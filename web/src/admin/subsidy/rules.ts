/** The subsidy values in force today, resolved in the browser from the same packs as the server. */
import { resolvePolicy } from '../../../../domain/policy/index.ts';

export function subsidyRulesToday(districtCode: string) {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const r = resolvePolicy(districtCode, today);
  const v = r.ok ? r.values.childcareSubsidy : undefined;
  if (!r.ok || !v) return null;
  const keys = Object.keys(r.sources).filter((k) => k.startsWith('childcareSubsidy.'));
  const titles = [...new Set(keys.map((k) => r.sources[k]!.title))];
  return {
    ...v,
    perMonth: v.yuanPerYear / 12,
    source: titles.map((x) => `《${x}》`).join('、'),
    unverified: keys.some((k) => r.unverified.includes(k)),
  };
}
