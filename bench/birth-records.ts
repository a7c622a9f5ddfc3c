/**
 * Synthetic birth records for the benches (import.ts, faults.ts): rows of the families' birth-record
 * import (server/modules/families/import.ts) made from a counter — valid GB 11643 check characters,
 * 139… mobiles, made-up names and addresses; no real person.
 */
import { BIRTH_RECORD_COLUMNS } from '../server/modules/families/import.ts';
import { childIdFor, mobileFor } from '../test/factories/families.ts';

/** The import's header row (Chinese column names, as the template has them). */
export const BIRTH_RECORD_HEADERS = BIRTH_RECORD_COLUMNS.map((c) => c.zh);

const DAY = 86_400_000;

/** The first day of last month (UTC): every birth date is before it and under 3 years old today. */
const defaultAnchor = () => {
  const d = new Date();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
};

/**
 * Birth record n: a child born on one of 1,000 days before `anchor` (n % 1000), with a sequence per
 * day (⌊n / 1000⌋ % 1000, odd = male: below 500 for n < 500,000, where the demo's children use 501
 * and up), a mother and, with `father`, a second guardian; in `communities[n % length]`.
 */
export function birthRecordRow(
  n: number,
  o: { label: string; communities: readonly string[]; father?: boolean; anchor?: number },
): string[] {
  const day = n % 1000;
  const seq = Math.floor(n / 1000) % 1000;
  const birthDate = new Date((o.anchor ?? defaultAnchor()) - (day + 1) * DAY).toISOString().slice(0, 10);
  return [
    `${o.label}宝宝${n}`,
    childIdFor(birthDate, seq),
    birthDate,
    seq % 2 === 1 ? '男' : '女',
    `${o.label}妈妈${n}`,
    '母亲',
    mobileFor(n),
    '',
    ...(o.father ? [`${o.label}爸爸${n}`, '父亲', mobileFor(50_000_000 + n)] : ['', '', '']),
    '',
    `青浦区${o.label}路 ${n} 号`,
    o.communities[n % o.communities.length]!,
    '是',
  ];
}
