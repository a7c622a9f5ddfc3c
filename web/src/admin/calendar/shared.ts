/** Shared bits of the calendar pages. */
import { FESTIVAL_LABELS, type Festival } from '../../../../domain/contracts/calendar.ts';
import { type Lang, pick } from '../../i18n/index.tsx';

export function festivalLabel(lang: Lang, f: string): string {
  const l = FESTIVAL_LABELS[f as Festival];
  return l ? pick(lang, l.zh, l.en) : f;
}
