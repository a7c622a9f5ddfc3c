/**
 * Demo sync states for the 备案同步 page (docs/filing-sync.md). The demo has no NATIONAL_FILING_URL, so
 * no job ever runs: these rows are a picture of what a connected district sees, written directly —
 * most filed institutions synced, a few differing in fields a national clerk might have typed
 * differently (address, places), one rejected with a message, one still pending. The page's 同步未开启
 * banner says the states are sample data when sync is off. Records come from the real mapper, so record
 * ids and "our" values are the registry's.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type {
  InstitutionKind,
  InstitutionStatus,
  ServiceForm,
} from '../../../domain/contracts/institution.ts';
import {
  diffNationalRecord,
  type FieldDifference,
  NATIONAL_EVENT_ACTIONS,
  type NationalRecord,
  toNationalRecords,
} from '../../../domain/institutions/national-filing.ts';
import type { Db } from '../../db/client.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { maskPersonal } from '../../platform/personal-data.ts';
import { institutionStatusHistory as h, institutions, institutionNationalSync as s } from './tables.ts';

/** Own PRNG: adding this demo does not shift the other modules' draws. */
const SEED = 2317;

export async function seedNationalSyncDemo(db: Db, ctx: { district: string; now: Date }): Promise<void> {
  const { district, now } = ctx;
  const rng = new Rng(districtSeed(SEED, district));
  const rows = await db
    .select()
    .from(institutions)
    .where(and(eq(institutions.districtCode, district), isNotNull(institutions.filedAt)))
    .orderBy(asc(institutions.id));
  if (!rows.length) return;
  const events = await db
    .select({ id: h.institutionId, action: h.action, to: h.toStatus, at: h.at })
    .from(h)
    .where(and(eq(h.districtCode, district), inArray(h.action, [...NATIONAL_EVENT_ACTIONS])))
    .orderBy(asc(h.at), asc(h.id));
  const byInstitution = new Map<string, typeof events>();
  for (const e of events) byInstitution.set(e.id, [...(byInstitution.get(e.id) ?? []), e]);

  const values: (typeof s.$inferInsert)[] = [];
  for (const row of rows) {
    const records = toNationalRecords(
      {
        ...row,
        kind: row.kind as InstitutionKind,
        ownership: row.ownership as 'public' | 'private',
        serviceForms: row.serviceForms as ServiceForm[],
      },
      (byInstitution.get(row.id) ?? []).map((e) => ({ ...e, to: e.to as InstitutionStatus })),
      (name) => maskPersonal('name', name),
    );
    const last = records.at(-1);
    if (!last) continue;
    const attemptAt = new Date(now.getTime() - rng.int(1, 30 * 24) * 3600_000);
    const roll = rng.next();
    const base = {
      districtCode: district,
      institutionId: row.id,
      lastRecordId: last.recordId,
      lastAttemptAt: attemptAt,
      updatedAt: attemptAt,
    };
    if (values.length === 2) {
      values.push({
        ...base,
        state: 'failed',
        attempts: 1,
        resultAt: attemptAt,
        message:
          'creditCode: 统一社会信用代码与登记机关信息不符 / The credit code does not match the registration authority',
        differences: [],
      });
    } else if (values.length === 5) {
      values.push({
        ...base,
        state: 'queued',
        attempts: 0,
        lastAttemptAt: null,
        resultAt: null,
        differences: [],
      });
    } else if (roll < 0.1) {
      const differences = nationalCopyDiff(last, rng);
      values.push({ ...base, state: 'differs', attempts: 1, resultAt: attemptAt, differences });
    } else {
      values.push({ ...base, state: 'synced', attempts: 1, resultAt: attemptAt, differences: [] });
    }
  }
  for (let i = 0; i < values.length; i += 500) await db.insert(s).values(values.slice(i, i + 500));
}

/** A national copy with one or two fields typed differently, compared by the real diff. */
function nationalCopyDiff(ours: NationalRecord, rng: Rng): FieldDifference[] {
  const theirs: NationalRecord = { ...ours };
  const pick = rng.int(0, 2);
  // The city typed or left out where we did the other, or an older place count.
  if (pick !== 1)
    theirs.address = ours.address.startsWith('上海市') ? ours.address.slice(3) : `上海市${ours.address}`;
  const places = Number(ours.places);
  if (pick !== 0) theirs.places = String(places > 20 ? places - 5 * rng.int(1, 2) : places + 5);
  const d = diffNationalRecord(ours, theirs);
  if (d.length) return d;
  theirs.address = `${ours.address}（旧址）`;
  return diffNationalRecord(ours, theirs);
}
