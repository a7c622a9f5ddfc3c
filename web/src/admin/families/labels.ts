/** Town names and small helpers shared by the Families pages. */
import { findDivision, townsOf } from '../../../../domain/divisions.ts';
import { useLang } from '../../i18n/index.tsx';
import { useCurrentMe } from '../session.ts';

export function useTowns() {
  const [lang] = useLang();
  const me = useCurrentMe();
  const zh = lang === 'zh-CN';
  const townName = (code: string) => {
    const d = findDivision(code);
    return d ? (zh ? d.nameZh : d.nameEn) : code;
  };
  const scope = me?.scope?.kind === 'division' ? me.scope.divisionCode : undefined;
  const towns = townsOf(me?.districtCode ?? '310118').filter((d) => !scope || d.code.startsWith(scope));
  return {
    zh,
    townName,
    townOptions: towns.map((d) => ({ value: d.code, label: zh ? d.nameZh : d.nameEn })),
  };
}

export const pct = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`;

export function todayIso(): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  return d.toISOString().slice(0, 10);
}
