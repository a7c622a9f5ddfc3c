/** Header matching: a column is found by its zh or en header, or both ("机构名称 Name"), ignoring case and spaces. */
import type { FieldError } from '../../../domain/contracts/common.ts';
import type { ImportColumn } from './definition.ts';

/** The column the error report appends; ignored when a corrected report is uploaded again. */
export const ERROR_COLUMN = '错误 Errors';

const norm = (s: string) => s.replace(/[\s()（）]/g, '').toLowerCase();

/** The template's header of a column. */
export const headerOf = (c: ImportColumn) => `${c.zh} ${c.en}`;

export interface HeaderMap {
  /** Cell index → column. */
  byIndex: (ImportColumn | undefined)[];
  errors: FieldError[];
}

export function mapHeaders(headers: string[], columns: ImportColumn[]): HeaderMap {
  const names = new Map<string, ImportColumn>();
  for (const c of columns) {
    names.set(norm(c.zh), c);
    names.set(norm(c.en), c);
    names.set(norm(headerOf(c)), c);
  }
  const byIndex: (ImportColumn | undefined)[] = [];
  const seen = new Set<ImportColumn>();
  const unknown: string[] = [];
  const twice: string[] = [];
  headers.forEach((h, i) => {
    if (h === '' || norm(h) === norm(ERROR_COLUMN)) return;
    const c = names.get(norm(h));
    if (!c) unknown.push(h);
    else if (seen.has(c)) twice.push(h);
    else {
      seen.add(c);
      byIndex[i] = c;
    }
  });
  const missing = columns.filter((c) => c.required && !seen.has(c)).map(headerOf);
  const errors: FieldError[] = [];
  if (missing.length)
    errors.push({
      field: 'file.headers',
      rule: 'import.missing_headers',
      message_zh: `缺少必需的列：${missing.join('、')}`,
      message_en: `Missing required columns: ${missing.join(', ')}`,
    });
  if (unknown.length)
    errors.push({
      field: 'file.headers',
      rule: 'import.unknown_headers',
      message_zh: `无法识别的列：${unknown.join('、')}`,
      message_en: `Unknown columns: ${unknown.join(', ')}`,
    });
  if (twice.length)
    errors.push({
      field: 'file.headers',
      rule: 'import.duplicate_headers',
      message_zh: `重复的列：${twice.join('、')}`,
      message_en: `Duplicate columns: ${twice.join(', ')}`,
    });
  return { byIndex, errors };
}
