/** Money on the plan pages: amounts travel as integer fen and are shown as yuan. */

/** Integer fen as yuan: ¥1,234.56 (integer arithmetic, no floating point); null as a dash. */
export function yuan(fen: number | null): string {
  if (fen === null) return '—';
  const a = Math.abs(fen);
  const whole = Math.floor(a / 100).toLocaleString('en-US');
  return `${fen < 0 ? '-' : ''}¥${whole}.${String(a % 100).padStart(2, '0')}`;
}

/** A rate typed in yuan (up to two decimals) as integer fen; null when empty. */
export function fenOfYuan(v: number | null): number | null {
  return v === null ? null : Math.round(v * 100);
}
