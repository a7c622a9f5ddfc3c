/**
 * The national filing records (docs/filing-sync.md) of a date range as a file, on the platform exporter:
 * one row per status-history event that becomes a national record (filing, change, closure), for the
 * institutions in the caller's jurisdiction (the registry's guard). The records themselves come from the
 * pure mapper (domain/institutions/national-filing.ts); the legal representative is masked by the kit.
 */
import { and, asc, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { NationalExportQuery } from '../../../domain/contracts/filing-sync.ts';
import type {
  InstitutionKind,
  InstitutionStatus,
  ServiceForm,
} from '../../../domain/contracts/institution.ts';
import {
  type FilingEvent,
  NATIONAL_EVENT_ACTIONS,
  NATIONAL_FIELDS,
  type NationalRecord,
  nationalRecordId,
  RECORD_TYPE_LABELS,
  toNationalRecords,
} from '../../../domain/institutions/national-filing.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import type { ExportColumn, ExportDefinition } from '../../platform/export.ts';
import { maskPersonal } from '../../platform/personal-data.ts';
import { listWhere } from './repository.ts';
import { institutionStatusHistory as h, institutions } from './tables.ts';

type Filters = Omit<NationalExportQuery, 'format'>;

/** China dates (inclusive) → the instants [from 00:00 +08:00, the day after `to` 00:00 +08:00). */
function bounds(f: Filters): [Date, Date] {
  const end = new Date(`${f.to}T00:00:00+08:00`);
  return [new Date(`${f.from}T00:00:00+08:00`), new Date(end.getTime() + 86_400_000)];
}

/** Events in range that become records: mapped actions of institutions in scope, at or after their filing. */
function eventsWhere(actor: Actor, f: Filters) {
  const [from, to] = bounds(f);
  return and(
    listWhere(actor, {}),
    inArray(h.action, [...NATIONAL_EVENT_ACTIONS]),
    gte(h.at, from),
    lt(h.at, to),
    sql`exists (select 1 from institution_status_history a where a.district_code = ${h.districtCode}
      and a.institution_id = ${h.institutionId} and a.action = 'approve' and a.at <= ${h.at})`,
  );
}

const joined = (tx: Db) =>
  tx
    .select({ event: h, institution: institutions })
    .from(h)
    .innerJoin(
      institutions,
      and(eq(institutions.districtCode, h.districtCode), eq(institutions.id, h.institutionId)),
    );

const recordTypeOf = (action: string) =>
  action === 'approve' ? 'filing' : action === 'close' ? 'closure' : 'change';

/** One page of records, in event order: each institution's events mapped as a whole, then picked. */
async function recordsPage(tx: Db, actor: Actor, f: Filters, limit: number, offset: number) {
  const page = await joined(tx)
    .where(eventsWhere(actor, f))
    .orderBy(asc(h.at), asc(h.id))
    .limit(limit)
    .offset(offset);
  const ids = [...new Set(page.map((r) => r.event.institutionId))];
  if (!ids.length) return [];
  const all = await tx
    .select({ institutionId: h.institutionId, action: h.action, to: h.toStatus, at: h.at })
    .from(h)
    .where(
      and(
        eq(h.districtCode, actor.districtCode),
        inArray(h.institutionId, ids),
        inArray(h.action, [...NATIONAL_EVENT_ACTIONS]),
      ),
    );
  const byId = new Map<string, NationalRecord>();
  for (const id of ids) {
    const row = page.find((r) => r.event.institutionId === id)!.institution;
    const events: FilingEvent[] = all
      .filter((e) => e.institutionId === id)
      .map((e) => ({ action: e.action, to: e.to as InstitutionStatus, at: e.at }));
    const records = toNationalRecords(
      {
        ...row,
        kind: row.kind as InstitutionKind,
        ownership: row.ownership as 'public' | 'private',
        serviceForms: row.serviceForms as ServiceForm[],
      },
      events,
      (name) => maskPersonal('name', name),
    );
    for (const r of records) byId.set(r.recordId, r);
  }
  return page.flatMap(({ event }) => {
    const rec = byId.get(nationalRecordId(event.institutionId, recordTypeOf(event.action), event.at));
    return rec ? [rec] : [];
  });
}

const COLUMNS: ExportColumn<NationalRecord>[] = NATIONAL_FIELDS.map((f) => ({
  header: `${f.zh} ${f.en}`,
  width: f.key === 'recordId' || f.key === 'address' || f.key === 'institutionName' ? 36 : 14,
  value: (r: NationalRecord) => (f.key === 'recordType' ? RECORD_TYPE_LABELS[r.recordType].zh : r[f.key]),
}));

/** Filings, changes and closures of a date range in the national system's fields. */
export const nationalFilingExport: ExportDefinition<NationalRecord, Filters> = {
  kind: 'institutions.national',
  sheetName: '备案信息',
  objectType: 'institution',
  columns: COLUMNS,
  async count(tx, actor, f) {
    const [row] = await tx
      .select({ n: count() })
      .from(h)
      .innerJoin(
        institutions,
        and(eq(institutions.districtCode, h.districtCode), eq(institutions.id, h.institutionId)),
      )
      .where(eventsWhere(actor, f));
    return row?.n ?? 0;
  },
  rows: (tx, actor, f, page) => recordsPage(tx, actor, f, page.limit, page.offset),
};
