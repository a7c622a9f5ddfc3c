import { describe, expect, it } from 'vitest';
import type { CreateFacilityBody } from '../contracts/families-facilities.ts';
import { checkFacility, type FacilityContext, openIn } from './facilities.ts';

const ZJJ = '310118102';
const XJ = '310118106';
const ctx: FacilityContext = {
  districtCode: '310118',
  thisYear: 2026,
  townInScope: (t) => t === ZJJ,
  communityTown: (c) => ({ '310118102001': ZJJ, '310118106001': XJ })[c],
};
const ok: CreateFacilityBody = {
  kind: 'children_home',
  name: '珠溪社区儿童之家',
  townCode: ZJJ,
  communityCode: '310118102001',
  address: '朱家角镇珠溪路 1 号',
  lat: 31.11,
  lng: 121.05,
  openedYear: 2022,
};

describe('checkFacility', () => {
  it('accepts a complete facility', () => {
    expect(checkFacility(ok, ctx)).toEqual([]);
    expect(checkFacility({ ...ok, kind: 'early_development_base', communityCode: undefined }, ctx)).toEqual(
      [],
    );
  });
  it.each([
    ['a town of another district', { townCode: '310117101' }, 'townCode', 'families.town_outside_district'],
    [
      'a town outside the caller’s scope',
      { townCode: XJ, communityCode: '310118106001' },
      'townCode',
      'families.town_outside_scope',
    ],
    [
      'a community not in the register',
      { communityCode: '310118102999' },
      'communityCode',
      'families.unknown_community',
    ],
    [
      'a community of another town',
      { communityCode: '310118106001' },
      'communityCode',
      'families.community_not_in_town',
    ],
    [
      'a children’s home without a community',
      { communityCode: undefined },
      'communityCode',
      'families.community_required',
    ],
    [
      'a child-friendly site without a community',
      { kind: 'child_friendly_site' as const, communityCode: null },
      'communityCode',
      'families.community_required',
    ],
    ['a point outside the district', { lat: 31.5 }, 'lat', 'families.outside_district'],
    ['opened next year', { openedYear: 2027 }, 'openedYear', 'families.year_future'],
    ['closed before it opened', { closedYear: 2021 }, 'closedYear', 'families.closed_before_opened'],
    ['closed next year', { closedYear: 2027 }, 'closedYear', 'families.year_future'],
  ])('refuses %s', (_name, change, field, rule) => {
    const errors = checkFacility({ ...ok, ...change } as CreateFacilityBody, ctx);
    expect(errors).toContainEqual(expect.objectContaining({ field, rule }));
    for (const e of errors) expect(e.message_zh && e.message_en).toBeTruthy();
  });
});

describe('openIn', () => {
  it('counts the year opened and the year closed, not after', () => {
    const f = { openedYear: 2022, closedYear: 2024 };
    expect([2021, 2022, 2024, 2025].map((y) => openIn(f, y))).toEqual([false, true, true, false]);
    expect(openIn({ openedYear: 2022, closedYear: null }, 2030)).toBe(true);
  });
});

describe('checkFacility: 宝宝屋 (issue 17)', () => {
  const pack = { freeHoursPerChildPerYear: 12, maxYuanPerHour: 100 };
  const site: CreateFacilityBody = {
    ...ok,
    kind: 'baobaowu',
    name: '珠溪社区宝宝屋',
    capacity: 12,
    openingHours: '周一至周五 8:30–16:30',
    hourlyPriceFen: 8000,
    operator: '朱家角幼儿园',
  };
  const bb = { ...ctx, baobaowu: pack };

  it('accepts a complete site, also at the cap', () => {
    expect(checkFacility(site, bb)).toEqual([]);
    expect(checkFacility({ ...site, hourlyPriceFen: 10000 }, bb)).toEqual([]);
  });
  it.each([
    ['a price above the cap', { hourlyPriceFen: 10001 }, 'hourlyPriceFen', 'baobaowu.price_above_cap'],
    ['no capacity', { capacity: null }, 'capacity', 'families.baobaowu_required'],
    ['no opening hours', { openingHours: undefined }, 'openingHours', 'families.baobaowu_required'],
    ['no price', { hourlyPriceFen: null }, 'hourlyPriceFen', 'families.baobaowu_required'],
    ['no operator', { operator: null }, 'operator', 'families.baobaowu_required'],
  ])('refuses %s', (_c, change, field, rule) => {
    const errors = checkFacility({ ...site, ...change }, bb);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field, rule });
    expect(errors[0]!.message_zh).toMatch(/[\u4e00-\u9fff]/);
  });
  it('names the cap in the message', () => {
    expect(checkFacility({ ...site, hourlyPriceFen: 12000 }, bb)[0]!.message_zh).toContain('100 元');
  });
  it('refuses a priced site where no pack sets the cap', () => {
    expect(checkFacility(site, ctx)).toEqual([
      expect.objectContaining({ field: 'kind', rule: 'families.baobaowu_no_pack' }),
    ]);
  });
  it('refuses 宝宝屋 fields on another kind', () => {
    expect(checkFacility({ ...ok, capacity: 10, hourlyPriceFen: 100 }, bb).map((e) => e.field)).toEqual([
      'capacity',
      'hourlyPriceFen',
    ]);
  });
});
