/**
 * A name's pinyin sort key, so that 按名称 orders as a Chinese reader expects (白鹤 before 朱家角)
 * rather than by code point. PGlite has no ICU collation for zh, so the key is computed here at write
 * time (pinyin-pro, MIT; it resolves most polyphones from word context) and stored with the row
 * (`institutions.name_pinyin`); both databases then sort the same plain ASCII text.
 *
 * The key holds only [a-z0-9 ]: syllables without tones, Latin letters lower-cased, digits kept, a
 * space between syllables; every other character (punctuation, ·, spaces) is dropped. With only these
 * characters the C collation and the usual en_US/ICU collations agree on the order.
 *
 *   pinyinSortKey('青浦区白鹤镇托育园') === 'qing pu qu bai he zhen tuo yu yuan'
 */
import { customPinyin, pinyin } from 'pinyin-pro';

/** Place names the dictionary reads wrong (its word context does not know them). */
customPinyin({ 重固: 'chóng gù' });

/** Not part of ./index.ts: the dictionary is large, and only the server computes keys. */
export function pinyinSortKey(name: string): string {
  const parts = pinyin(name.normalize('NFKC'), {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
  });
  return parts
    .map((p) =>
      p
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim(),
    )
    .filter((p) => p.length > 0)
    .join(' ')
    .slice(0, 400);
}
