/**
 * The per-pupil rate import (issue 13 Funding: "each kindergarten's per-pupil rate (entered or
 * imported)"), on the kit's import: each row a kindergarten by unified social credit code, a fiscal
 * year and the rate in yuan. Rules: a kindergarten in service with toddler classes in the caller's
 * scope (the same rule as entering a rate), a year from 2021 to next year, at most two decimals. A new
 * rate is added (source `imported`); a known one takes the row's value only when it differs (version
 * + 1), so a second import of the same file changes nothing. District officers (plan.funding_manage).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FieldError } from '../../../domain/contracts/common.ts';
import {
  FUNDING_FIRST_YEAR,
  type FundingRateImportRow,
  fundingRateImportRow,
} from '../../../domain/contracts/plan.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { creditCodeCell, num } from '../../platform/import/cells.ts';
import { importColumn as col, type ImportDefinition } from '../../platform/import/definition.ts';
import { institutions } from '../institutions/tables.ts';
import { toddlerKindergartens } from './funding.ts';
import { shanghaiDate } from './service.ts';
import { planFundingRates } from './tables.ts';

const e = (field: string, rule: string, zh: string, en: string): FieldError => ({
  field,
  rule,
  message_zh: zh,
  message_en: en,
});

/** credit code → id of the kindergartens in service with toddler classes in the caller's scope. */
async function kindergartensByCode(db: Db, actor: Actor, codes?: string[]) {
  const rows = await db
    .select({ id: institutions.id, code: institutions.creditCode })
    .from(institutions)
    .where(and(toddlerKindergartens(actor), codes ? inArray(institutions.creditCode, codes) : undefined));
  return new Map(rows.map((r) => [r.code, r.id]));
}

export interface RateImportContext {
  thisYear: number;
  kindergartens: Map<string, string>;
}

const fen = (yuan: number) => Math.round(yuan * 100);

export function rateRowErrors(v: FundingRateImportRow, c: RateImportContext): FieldError[] {
  const errors: FieldError[] = [];
  if (!c.kindergartens.has(v.creditCode))
    errors.push(
      e(
        'creditCode',
        'kindergarten_with_toddler_classes',
        '不是您管辖范围内在办且设有托班的幼儿园',
        'Not a kindergarten in service with toddler classes in your scope',
      ),
    );
  if (v.fiscalYear < FUNDING_FIRST_YEAR || v.fiscalYear > c.thisYear + 1)
    errors.push(
      e(
        'fiscalYear',
        'range',
        `年度须在 ${FUNDING_FIRST_YEAR} 至 ${c.thisYear + 1} 之间`,
        `The fiscal year must lie between ${FUNDING_FIRST_YEAR} and ${c.thisYear + 1}`,
      ),
    );
  if (Math.abs(fen(v.rateYuan) - v.rateYuan * 100) > 1e-6)
    errors.push(e('rateYuan', 'two_decimals', '金额最多保留两位小数（元）', 'At most two decimals (yuan)'));
  return errors;
}

export function rateImport(deps: {
  clock: { now(): Date };
}): ImportDefinition<FundingRateImportRow, RateImportContext> {
  const thisYear = () => Number(shanghaiDate(deps.clock.now()).slice(0, 4));
  return {
    kind: 'plan_funding_rates',
    titleZh: '生均拨款定额',
    columns: [
      col(
        'creditCode',
        '统一社会信用代码',
        'Credit code',
        true,
        '52310118MJ1234567X',
        '幼儿园的 18 位统一社会信用代码',
        "The kindergarten's 18-character unified social credit code",
      ),
      col('fiscalYear', '年度', 'Fiscal year', true, '2026', '2021 至明年', 'From 2021 to next year'),
      col(
        'rateYuan',
        '生均拨款定额（元）',
        'Per-pupil rate (yuan)',
        true,
        '12000',
        '每生每年，元，最多两位小数',
        'Per pupil and year, in yuan, at most two decimals',
      ),
    ],
    toInput: (c) => ({
      creditCode: creditCodeCell(c.creditCode),
      fiscalYear: num(c.fiscalYear),
      rateYuan: num(c.rateYuan),
    }),
    schema: fundingRateImportRow,
    async prepare(db, actor) {
      return { thisYear: thisYear(), kindergartens: await kindergartensByCode(db, actor) };
    },
    rules: (v, _actor, c) => rateRowErrors(v, c),
    keyField: 'creditCode',
    naturalKey: (v) => `${v.creditCode}/${v.fiscalYear}`,
    async existingKeys(db, actor, keys) {
      if (keys.length === 0) return new Set();
      const byCode = await kindergartensByCode(db, actor, [...new Set(keys.map((k) => k.split('/')[0]!))]);
      const ids = [...byCode.values()];
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: planFundingRates.institutionId, year: planFundingRates.fiscalYear })
        .from(planFundingRates)
        .where(
          and(
            eq(planFundingRates.districtCode, actor.districtCode),
            inArray(planFundingRates.institutionId, ids),
          ),
        );
      const codeOf = new Map([...byCode].map(([code, id]) => [id, code]));
      return new Set(rows.map((r) => `${codeOf.get(r.id)}/${r.year}`).filter((k) => keys.includes(k)));
    },
    async commitBatch(tx, ctx, actor, rows) {
      const byCode = await kindergartensByCode(tx, actor, [...new Set(rows.map((r) => r.creditCode))]);
      const good = rows.filter((r) => byCode.has(r.creditCode));
      if (good.length === 0) return 0;
      const res = (await tx.execute(sql`
        insert into ${planFundingRates} as r
          (district_code, institution_id, fiscal_year, per_pupil_rate_fen, source, updated_by, updated_at)
        select ${actor.districtCode}, x.id, x.y, x.fen, 'imported', ${actor.username}, ${ctx.now.toISOString()}::timestamptz
        from unnest(${sql.param(good.map((r) => byCode.get(r.creditCode)!))}::uuid[],
          ${sql.param(good.map((r) => r.fiscalYear))}::int[], ${sql.param(good.map((r) => fen(r.rateYuan)))}::int[])
          as x(id, y, fen)
        on conflict (district_code, institution_id, fiscal_year) do update set
          per_pupil_rate_fen = excluded.per_pupil_rate_fen, source = 'imported', updated_by = excluded.updated_by,
          updated_at = excluded.updated_at, version = r.version + 1
        where r.per_pupil_rate_fen is distinct from excluded.per_pupil_rate_fen
        returning r.institution_id`)) as unknown as { rows?: unknown[]; rowCount?: number };
      return res.rows?.length ?? res.rowCount ?? 0;
    },
    analyzeTables: ['plan_funding_rates'],
  };
}
