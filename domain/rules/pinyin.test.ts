import { describe, expect, it } from 'vitest';
import { pinyinSortKey } from './pinyin.ts';

describe('pinyinSortKey', () => {
  it('spells names in toneless pinyin, one space between syllables', () => {
    expect(pinyinSortKey('青浦区白鹤镇托育园')).toBe('qing pu qu bai he zhen tuo yu yuan');
  });

  it('puts 白鹤 before 朱家角, although 朱 (U+6731) comes before 白 (U+767D) by code point', () => {
    const names = ['朱家角托育园', '白鹤托育园'];
    expect([...names].sort()).toEqual(['朱家角托育园', '白鹤托育园']);
    const byKey = [...names].sort((a, b) => (pinyinSortKey(a) < pinyinSortKey(b) ? -1 : 1));
    expect(byKey).toEqual(['白鹤托育园', '朱家角托育园']);
  });

  it('keeps Latin letters (lower-cased) and digits, drops punctuation and full-width forms', () => {
    expect(pinyinSortKey('ＡＢＣ·小海豚（2号）')).toBe('abc xiao hai tun 2 hao');
  });

  it('writes ü as v and reads polyphones from context (长 in 长大 is zhang)', () => {
    expect(pinyinSortKey('绿地')).toBe('lv di');
    expect(pinyinSortKey('长大')).toBe('zhang da');
    expect(pinyinSortKey('青浦区重固镇')).toBe('qing pu qu chong gu zhen');
  });

  it('gives only [a-z0-9 ] so both databases order the keys alike', () => {
    expect(pinyinSortKey('青浦区·徐泾镇 Happy 宝贝 #1!')).toMatch(/^[a-z0-9 ]+$/);
  });
});
