/**
 * Cell text → contract input helpers for a definition's `toInput`. A text that cannot be read is
 * passed on unchanged, so the zod schema reports it (row, column, rule) instead of it turning into
 * a silent default.
 */

/** undefined for an empty cell (an optional field left out). */
export const text = (s: string | undefined): string | undefined => (s ? s : undefined);

/** A unified social credit code as written, upper-cased (the check digit may be a letter typed small). */
export const creditCodeCell = (s: string | undefined): string => (s ?? '').toUpperCase();

export function num(s: string | undefined): number | string | undefined {
  if (!s) return undefined;
  const n = Number(s.replaceAll(',', ''));
  return Number.isFinite(n) ? n : s;
}

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√', '有']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '×', '无']);
export function bool(s: string | undefined): boolean | string | undefined {
  if (!s) return undefined;
  const v = s.toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return s;
}

/** A list separated by 、，,；; (empty cell → []). */
export const list = (s: string | undefined): string[] =>
  s
    ? s
        .split(/[、，,；;]/)
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

/** A label (zh or en, any case) → its code; unknown labels are passed on for the schema to refuse. */
export function codeOf<C extends string>(
  labels: Record<C, { zh: string; en: string }>,
  s: string | undefined,
): C | string | undefined {
  if (!s) return undefined;
  const v = s.toLowerCase();
  for (const [code, l] of Object.entries(labels) as [C, { zh: string; en: string }][])
    if (code === s || l.zh === s || l.en.toLowerCase() === v) return code;
  return s;
}

/** Yuan with up to 2 decimals → integer fen. */
export function yuanToFenCell(s: string | undefined): number | string | undefined {
  const n = num(s);
  return typeof n === 'number' ? Math.round(n * 100) : n;
}
