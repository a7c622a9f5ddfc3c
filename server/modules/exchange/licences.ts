/**
 * Business-licence data from the market-regulation department (issue 15, ADR 0035): one writer for the
 * two ways in — the department's system (`POST /api/v1/exchange/business-licences`, scope
 * `licences.write`) and a district officer's upload of the department's export (the import kit) — and
 * the comparison with the registry (证照比对) through the guard.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  LICENCE_FINDINGS,
  LICENCE_STATUS_LABELS,
  type LicenceCheck,
  type LicenceFinding,
  type LicenceRecord,
  licenceRecordSchema,
} from '../../../domain/contracts/business-licences.ts';
import {
  LICENCE_COMPARED_STATUSES,
  licenceFindings,
  normalCreditCode,
  registeredByMarketRegulation,
  validateLicenceRecord,
} from '../../../domain/exchange/licences.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { throwIfErrors } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { codeOf, creditCodeCell, text } from '../../platform/import/cells.ts';
import { importColumn as col, type ImportDefinition } from '../../platform/import/definition.ts';
import { institutionScope } from '../institutions/repository.ts';
import { institutions } from '../institutions/tables.ts';
import { businessLicences } from './tables.ts';

export interface LicenceWrite {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Insert the records new to the district, update those that differ (version + 1), leave the rest: one
 * statement for the batch. The same batch again changes nothing.
 */
export async function writeLicences(
  tx: Db,
  ctx: RequestContext,
  districtCode: string,
  records: readonly LicenceRecord[],
  source: string,
): Promise<LicenceWrite> {
  if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const col = <V>(f: (r: LicenceRecord) => V) => sql.param(records.map(f));
  const res = await tx.execute(sql`
    insert into business_licences as b (district_code, credit_code, name, status, registered_on, status_on,
      authority, business_scope, source, received_at)
    select ${districtCode}, u.credit_code, u.name, u.status, u.registered_on, u.status_on, u.authority,
      u.business_scope, ${source}, ${ctx.now.toISOString()}::timestamptz
    from unnest(${col((r) => normalCreditCode(r.creditCode))}::text[], ${col((r) => r.name)}::text[],
      ${col((r) => r.status)}::text[], ${col((r) => r.registeredOn)}::date[], ${col((r) => r.statusOn)}::date[],
      ${col((r) => r.authority)}::text[], ${col((r) => r.businessScope)}::text[])
      as u(credit_code, name, status, registered_on, status_on, authority, business_scope)
    on conflict (district_code, credit_code) do update set
      name = excluded.name, status = excluded.status, registered_on = excluded.registered_on,
      status_on = excluded.status_on, authority = excluded.authority, business_scope = excluded.business_scope,
      source = excluded.source, received_at = excluded.received_at, version = b.version + 1
    where (b.name, b.status, b.registered_on, b.status_on, b.authority, b.business_scope)
      is distinct from (excluded.name, excluded.status, excluded.registered_on, excluded.status_on,
        excluded.authority, excluded.business_scope)
    returning (xmax = 0) as inserted`);
  const rows = (res as unknown as { rows: { inserted: boolean }[] }).rows;
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted, unchanged: records.length - rows.length };
}

/** Each record's rules, named by its place in the request (`records.3.creditCode`); a code twice is an error. */
function checkBatch(records: readonly LicenceRecord[]) {
  const errors = records.flatMap((r, i) => validateLicenceRecord(r, `records.${i}.`));
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    const key = normalCreditCode(r.creditCode);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      errors.push({
        field: `records.${i}.creditCode`,
        rule: 'licence.duplicate',
        message_zh: `与第 ${first + 1} 条记录的统一社会信用代码重复`,
        message_en: `Same credit code as record ${first + 1}`,
      });
  });
  throwIfErrors(errors);
}

/** The department's system sends a batch: checked whole, written whole, one audit entry. */
export async function receiveLicences(
  db: Db,
  ctx: RequestContext,
  client: { districtCode: string; clientId: string },
  records: readonly LicenceRecord[],
): Promise<LicenceWrite & { received: number }> {
  checkBatch(records);
  return db.transaction(async (tx) => {
    const w = await writeLicences(tx, ctx, client.districtCode, records, `client:${client.clientId}`);
    await recordAudit(tx, ctx, {
      action: 'exchange.licences_receive',
      objectType: 'business_licence',
      objectId: null,
      changes: { received: records.length, ...w },
    });
    return { received: records.length, ...w };
  });
}

export interface LicenceCheckQuery {
  page: number;
  pageSize: number;
  finding?: LicenceFinding;
  townCode?: string;
}

/**
 * 证照比对: the institutions in the caller's scope that should hold a business licence (in service and
 * registered by market regulation), each with what the
 * comparison finds; the page lists those with a finding (or the one asked for), by name.
 */
export async function licenceChecks(db: Db, actor: Actor, q: LicenceCheckQuery) {
  const rows = await db
    .select({
      institutionId: institutions.id,
      name: institutions.name,
      creditCode: institutions.creditCode,
      townCode: institutions.townCode,
      status: institutions.status,
      lName: businessLicences.name,
      lStatus: businessLicences.status,
      registeredOn: businessLicences.registeredOn,
      statusOn: businessLicences.statusOn,
      authority: businessLicences.authority,
      businessScope: businessLicences.businessScope,
      receivedAt: businessLicences.receivedAt,
    })
    .from(institutions)
    .leftJoin(
      businessLicences,
      and(
        eq(businessLicences.districtCode, institutions.districtCode),
        eq(businessLicences.creditCode, institutions.creditCode),
      ),
    )
    .where(
      and(
        scopeWhere(actor, institutionScope),
        inArray(institutions.status, [...LICENCE_COMPARED_STATUSES]),
        q.townCode ? eq(institutions.townCode, q.townCode) : undefined,
      ),
    )
    .orderBy(asc(institutions.namePinyin), asc(institutions.id));
  const counts = Object.fromEntries(LICENCE_FINDINGS.map((f) => [f, 0])) as Record<LicenceFinding, number>;
  // Only businesses market regulation registers are compared (a 民办非企业单位 holds no licence).
  const checked: LicenceCheck[] = rows
    .filter((r) => registeredByMarketRegulation(r.creditCode))
    .map((r) => {
      // A left-joined record is there when its (not-null) columns are.
      const licence = r.lStatus
        ? {
            name: r.lName!,
            status: r.lStatus,
            registeredOn: r.registeredOn!,
            statusOn: r.statusOn,
            authority: r.authority!,
            receivedAt: r.receivedAt!.toISOString(),
          }
        : null;
      const findings = licenceFindings(
        r.name,
        licence && { name: licence.name, status: licence.status, businessScope: r.businessScope ?? '' },
      );
      for (const f of findings) counts[f]++;
      const { institutionId, name, creditCode, townCode, status } = r;
      return { institutionId, name, creditCode, townCode, status, findings, licence };
    });
  // ISO instants of one zone order as text.
  const lastReceivedAt = checked.reduce<string | null>(
    (last, c) => (c.licence && (!last || c.licence.receivedAt > last) ? c.licence.receivedAt : last),
    null,
  );
  const listed = checked.filter((c) => (q.finding ? c.findings.includes(q.finding) : c.findings.length > 0));
  const start = (q.page - 1) * q.pageSize;
  return {
    items: listed.slice(start, start + q.pageSize),
    total: listed.length,
    page: q.page,
    pageSize: q.pageSize,
    compared: checked.length,
    counts,
    lastReceivedAt,
  };
}

/** The district officer's upload of the department's export: the same record, the same writer. */
export const licenceImport: ImportDefinition<LicenceRecord> = {
  kind: 'business_licences',
  titleZh: '营业执照登记信息',
  columns: [
    col(
      'creditCode',
      '统一社会信用代码',
      'Credit code',
      true,
      '91310118MA1JL0000N',
      '18 位',
      '18 characters',
    ),
    col('name', '企业名称', 'Name', true, '上海示例托育服务有限公司', '2–100 字', '2–100 characters'),
    col(
      'status',
      '登记状态',
      'Status',
      true,
      '存续',
      Object.values(LICENCE_STATUS_LABELS)
        .map((l) => l.zh)
        .join('、'),
      'Active, moved out, cancelled, revoked or withdrawn',
    ),
    col('registeredOn', '成立日期', 'Registered on', true, '2022-03-01', 'YYYY-MM-DD', 'YYYY-MM-DD'),
    col(
      'statusOn',
      '状态日期',
      'Status date',
      false,
      '',
      '注销、吊销、撤销、迁出的日期；存续为空',
      'Date of cancellation etc.; empty while active',
    ),
    col('authority', '登记机关', 'Authority', true, '青浦区市场监督管理局', '2–100 字', '2–100 characters'),
    col(
      'businessScope',
      '经营范围',
      'Business scope',
      false,
      '托育服务',
      '最多 2000 字',
      'Up to 2,000 characters',
    ),
  ],
  toInput: (c) => ({
    creditCode: creditCodeCell(c.creditCode),
    name: c.name ?? '',
    status: codeOf(LICENCE_STATUS_LABELS, c.status),
    registeredOn: c.registeredOn ?? '',
    statusOn: text(c.statusOn) ?? null,
    authority: c.authority ?? '',
    businessScope: c.businessScope ?? '',
  }),
  schema: licenceRecordSchema,
  rules: (v) => validateLicenceRecord(v),
  keyField: 'creditCode',
  naturalKey: (v) => normalCreditCode(v.creditCode),
  async existingKeys(db, actor, keys) {
    const found = await db
      .select({ k: businessLicences.creditCode })
      .from(businessLicences)
      .where(
        and(
          eq(businessLicences.districtCode, actor.districtCode),
          inArray(businessLicences.creditCode, keys),
        ),
      );
    return new Set(found.map((r) => r.k));
  },
  async commitBatch(tx, ctx, actor, rows) {
    const w = await writeLicences(tx, ctx, actor.districtCode, rows, `import:${actor.username}`);
    return w.inserted + w.updated;
  },
};
