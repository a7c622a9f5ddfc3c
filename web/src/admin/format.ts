/** Display helpers shared by console pages. */
import { findDivision } from '../../../domain/divisions.ts';
import { type Lang, pick } from '../i18n/index.tsx';

/** A division's name in the page's language (a town, a district); the code itself if unknown. */
export function divisionName(code: string, lang: Lang): string {
  const d = findDivision(code);
  return d ? pick(lang, d.nameZh, d.nameEn) : code;
}

/** A moment as China's clock shows it, to the minute: "2026-12-06 15:04". */
export function shanghaiTime(iso: string): string {
  return new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
}

/**
 * A short form of a UUID for tables. UUIDv7 ids begin with a timestamp, so ids made close together share
 * their first characters: show the random tail instead (the full id goes in a title/tooltip).
 */
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}
