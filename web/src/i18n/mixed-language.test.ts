/**
 * Every string comes from the dictionary of the page's language: English values carry no CJK character
 * and no full-width punctuation; Chinese values carry no English phrase (two or more ASCII words), except
 * codes and brand names on the allow-list.
 */
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

/** CJK ideographs, kana, and full-width / CJK punctuation (（）：，。、；！？「」《》【】“”). */
const CJK = /[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff00-\uffef\u201c\u201d]/;

/** ASCII words allowed in Chinese text: codes, units, brand and file-format names. */
const ALLOWED_ASCII = new Set(
  [
    'ID',
    'PDF',
    'JPEG',
    'PNG',
    'CSV',
    'XLSX',
    'Excel',
    'KB',
    'MB',
    'GB',
    'API',
    'UTC',
    'URL',
    'UUID',
    'OK',
    'GB32100',
  ].map((w) => w.toLowerCase()),
);

/** Placeholders ({name}) are not text. */
const stripVars = (s: string) => s.replace(/\{[a-zA-Z]+\}/g, ' ');

/** English phrases in a Chinese value: runs of two or more ASCII words not on the allow-list. */
function englishPhrases(value: string): string[] {
  const runs = stripVars(value).match(/[A-Za-z][A-Za-z'-]*(?:[ ,.]+[A-Za-z][A-Za-z'-]*)+/g) ?? [];
  return runs.filter((run) =>
    run
      .split(/[ ,.]+/)
      .filter(Boolean)
      .some((w) => !ALLOWED_ASCII.has(w.toLowerCase())),
  );
}

describe('mixed language in the dictionaries', () => {
  it('finds the defects it is meant to find', () => {
    expect(CJK.test('28（Enrolled 16）')).toBe(true);
    expect(CJK.test('Full-day：')).toBe(true);
    expect(englishPhrases('班额（number not confirmed）')).toEqual(['number not confirmed']);
    expect(englishPhrases('上传 PDF 或 JPEG 文件，{name} 已保存')).toEqual([]);
  });

  it('no English value holds a CJK character or full-width punctuation', () => {
    // The language switcher names each language in itself.
    const bad = Object.entries(en).filter(([k, v]) => k !== 'lang.zh' && CJK.test(v));
    expect(bad).toEqual([]);
  });

  it('no Chinese value holds an English phrase', () => {
    const bad = Object.entries(zhCN)
      .map(([k, v]) => [k, englishPhrases(v)] as const)
      .filter(([, phrases]) => phrases.length > 0);
    expect(bad).toEqual([]);
  });
});
