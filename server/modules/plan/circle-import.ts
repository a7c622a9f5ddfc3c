/**
 * The community statistics import (issue 13, 15-minute circle): each row a community (12-digit
 * statistical code, name, centre, children under 3, as-of date), with the kit's import (template,
 * dry run, row errors, job commit). A new code adds the community; a known one takes the row's
 * values (only when they differ, so a second import of the same file changes nothing) and is marked
 * `statistics` — replacing a demo's synthetic counts. Rules: the community's town (its first 9 digits)
 * is a town of the district inside the caller's scope, the centre lies inside the district, the date
 * is not in the future.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FieldError } from '../../../domain/contracts/common.ts';
import { type CommunityDemandRow, communityDemandRow } from '../../../domain/contracts/plan-circle.ts';
import { findDivision, insideDistrict } from '../../../domain/divisions.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { divisionInScope } from '../../platform/guard.ts';
import { num, text } from '../../platform/import/cells.ts';
import { importColumn as col, type ImportDefinition } from '../../platform/import/definition.ts';
import { familyCommunities } from '../families/tables.ts';

const e = (field: string, rule: string, zh: string, en: string): FieldError => ({
  field,
  rule,
  message_zh: zh,
  message_en: en,
});

/** The rules of one parsed row for this caller (pure but for `today`). */
export function communityRowErrors(v: CommunityDemandRow, actor: Actor, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const town = findDivision(v.code.slice(0, 9));
  if (town?.level !== 'town' || town.parentCode !== actor.districtCode)
    errors.push(
      e(
        'code',
        'town_outside_district',
        '社区代码的前 9 位不是本区的街镇',
        'The first 9 digits are not a town of this district',
      ),
    );
  else if (!divisionInScope(actor, town.code))
    errors.push(
      e('code', 'out_of_scope', '该社区不在您的管辖范围内', 'This community is outside your jurisdiction'),
    );
  if (!insideDistrict(actor.districtCode, v.lat, v.lng)) {
    errors.push(
      e('lat', 'outside_district', '坐标不在本区范围内', 'The coordinates lie outside the district'),
    );
    errors.push(
      e('lng', 'outside_district', '坐标不在本区范围内', 'The coordinates lie outside the district'),
    );
  }
  if (v.asOf > today)
    errors.push(
      e('asOf', 'future', '统计日期不能晚于今天', 'The date of the statistics cannot be in the future'),
    );
  return errors;
}

export function communityImport(deps: { clock: { now(): Date } }): ImportDefinition<CommunityDemandRow> {
  return {
    kind: 'plan_communities',
    titleZh: '社区婴幼儿统计',
    columns: [
      col(
        'code',
        '社区代码',
        'Community code',
        true,
        '310118102001',
        '12 位统计用区划代码',
        'The 12-digit statistical code',
      ),
      col('name', '社区名称', 'Name', true, '朱家角社区', '2–50 字', '2–50 characters'),
      col('lat', '纬度', 'Latitude', true, '31.1079', 'WGS-84，社区中心', "WGS-84, the community's centre"),
      col('lng', '经度', 'Longitude', true, '121.0533', 'WGS-84，社区中心', "WGS-84, the community's centre"),
      col(
        'childrenUnder3',
        '3岁以下婴幼儿数',
        'Children under 3',
        true,
        '240',
        '整数，统计口径',
        'Whole number, from statistics',
      ),
      col('asOf', '统计日期', 'As of', true, '2026-06-30', 'YYYY-MM-DD', 'YYYY-MM-DD'),
    ],
    toInput: (c) => ({
      code: c.code ?? '',
      name: c.name ?? '',
      lat: num(c.lat),
      lng: num(c.lng),
      childrenUnder3: num(c.childrenUnder3),
      asOf: text(c.asOf) ?? '',
    }),
    schema: communityDemandRow,
    rules: (v, actor) => communityRowErrors(v, actor, localDate(deps.clock.now())),
    keyField: 'code',
    naturalKey: (v) => v.code,
    async existingKeys(db, actor, keys) {
      if (keys.length === 0) return new Set();
      const rows = await db
        .select({ code: familyCommunities.code })
        .from(familyCommunities)
        .where(
          and(eq(familyCommunities.districtCode, actor.districtCode), inArray(familyCommunities.code, keys)),
        );
      return new Set(rows.map((r) => r.code));
    },
    async commitBatch(tx, ctx, actor, rows) {
      if (rows.length === 0) return 0;
      const res = (await tx.execute(sql`
        insert into family_communities as c
          (district_code, code, town_code, name, lat, lng, children_under3, demand_source, demand_as_of, created_at)
        select ${actor.districtCode}, r.code, left(r.code, 9), r.name, r.lat, r.lng, r.n, 'statistics', r.as_of,
          ${ctx.now.toISOString()}::timestamptz
        from unnest(${sql.param(rows.map((r) => r.code))}::varchar[], ${sql.param(rows.map((r) => r.name))}::varchar[],
          ${sql.param(rows.map((r) => r.lat))}::float8[], ${sql.param(rows.map((r) => r.lng))}::float8[],
          ${sql.param(rows.map((r) => r.childrenUnder3))}::int[], ${sql.param(rows.map((r) => r.asOf))}::date[])
          as r(code, name, lat, lng, n, as_of)
        on conflict (district_code, code) do update set name = excluded.name, lat = excluded.lat,
          lng = excluded.lng, children_under3 = excluded.children_under3, demand_source = 'statistics',
          demand_as_of = excluded.demand_as_of
        where (c.name, c.lat, c.lng, c.children_under3, c.demand_source, c.demand_as_of)
          is distinct from (excluded.name, excluded.lat, excluded.lng, excluded.children_under3, 'statistics',
          excluded.demand_as_of)
        returning c.code`)) as unknown as { rows?: unknown[]; rowCount?: number };
      return res.rows?.length ?? res.rowCount ?? 0;
    },
    analyzeTables: ['family_communities'],
  };
}
