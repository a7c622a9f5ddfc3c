/**
 * The national filing records (docs/filing-sync.md) of a date range as a file, on the platform exporter:
 * one row per status-history event that becomes a national record (filing, change, closure) and per edit
 * after filing that changes the national record (`institution_national_edits`, a change), for the
 * institutions in the caller's jurisdiction (the registry's guard) — the same records the sync sends. The records themselves come from the
 * pure mapper (domain/institutions/national-filing.ts); the legal representative is masked by the kit.
 */
import { and, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
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
import { institutionNationalEdits as edits, institutionStatusHistory as h, institutions } from './tables.ts';

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

/** Edits in range of institutions in scope, made after their filing was approved. */
function editsWhere(actor: Actor, f: Filters) {
  const [from, to] = bounds(f);
  return and(
    listWhere(actor, {}),
    gte(edits.at, from),
    lt(edits.at, to),
    sql`exists (select 1 from institution_status_history a where a.district_code = ${edits.districtCode}
      and a.institution_id = ${edits.institutionId} and a.action = 'approve' and a.at <= ${edits.at})`,
  );
}
const institutionOfEdit = and(
  eq(institutions.districtCode, edits.districtCode),
  eq(institutions.id, edits.institutionId),
);

const recordTypeOf = (action: string) =>
  action === 'approve' ? 'filing' : action === 'close' ? 'closure' : 'change';

/** One page of records, in time order: each institution's events and edits mapped as a whole, then picked. */
async function recordsPage(tx: Db, actor: Actor, f: Filters, limit: number, offset: number) {
  // The page's keys: status-history events and edits in range, one ordered list.
  const res = await tx.execute(sql`select action, institution_id, at from (
      select ${h.action} as action, ${h.institutionId} as institution_id, ${h.at} as at, ${h.id} as id
        from ${h} inner join ${institutions}
          on ${institutions.districtCode} = ${h.districtCode} and ${institutions.id} = ${h.institutionId}
        where ${eventsWhere(actor, f)}
      union all
      select 'update', ${edits.institutionId}, ${edits.at}, ${edits.id}
        from ${edits} inner join ${institutions} on ${institutionOfEdit}
        where ${editsWhere(actor, f)}
    ) k order by at, id limit ${limit} offset ${offset}`);
  const page = (res as unknown as { rows: { action: string; institution_id: string; at: Date | string }[] })
    .rows;
  const ids = [...new Set(page.map((r) => r.institution_id))];
  if (!ids.length) return [];
  const inScope = and(eq(institutions.districtCode, actor.districtCode), inArray(institutions.id, ids));
  const [rows, all, edited] = await Promise.all([
    tx.select().from(institutions).where(inScope),
    tx
      .select({ institutionId: h.institutionId, action: h.action, to: h.toStatus, at: h.at })
      .from(h)
      .where(
        and(
          eq(h.districtCode, actor.districtCode),
          inArray(h.institutionId, ids),
          inArray(h.action, [...NATIONAL_EVENT_ACTIONS]),
        ),
      ),
    tx
      .select({ institutionId: edits.institutionId, at: edits.at, fields: edits.fields })
      .from(edits)
      .where(and(eq(edits.districtCode, actor.districtCode), inArray(edits.institutionId, ids))),
  ]);
  const byId = new Map<string, NationalRecord>();
  for (const row of rows) {
    const events: FilingEvent[] = [
      ...all
        .filter((e) => e.institutionId === row.id)
        .map((e) => ({ action: e.action, to: e.to as InstitutionStatus, at: e.at })),
      ...edited
        .filter((e) => e.institutionId === row.id)
        .map((e) => ({ action: 'update', to: null, at: e.at, fields: e.fields })),
    ];
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
  return page.flatMap((k) => {
    const rec = byId.get(nationalRecordId(k.institution_id, recordTypeOf(k.action), new Date(k.at)));
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
    const [events] = await tx
      .select({ n: count() })
      .from(h)
      .innerJoin(
        institutions,
        and(eq(institutions.districtCode, h.districtCode), eq(institutions.id, h.institutionId)),
      )
      .where(eventsWhere(actor, f));
    const [edited] = await tx
      .select({ n: count() })
      .from(edits)
      .innerJoin(institutions, institutionOfEdit)
      .where(editsWhere(actor, f));
    return (events?.n ?? 0) + (edited?.n ?? 0);
  },
  rows: (tx, actor, f, page) => recordsPage(tx, actor, f, page.limit, page.offset),
};
