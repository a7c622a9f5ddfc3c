/**
 * Changing the ban-list key (ADR 0013, "Consequences"): every staff row's `ban_hash` is recomputed from
 * its sealed document number (opened with the district's key ring), and every ban entry whose hash
 * belongs to a person registered here is carried over to that person's new hash. Entries of people
 * never registered here (typed in from a decision, or imported from another district) cannot be
 * re-hashed — the list keeps no number — so they are reported: the issuing district re-exports its
 * list under the new key, or the officer re-enters the entry from the decision.
 *
 * Resumable and idempotent: a row already on the new key is left alone, so running it again after an
 * interruption finishes the rest and a second full run changes nothing. Each district's changes are
 * one transaction with one audit entry (`workforce.ban_key_change`, counts only); a re-screen runs after.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { openValue } from '../../platform/personal-data.ts';
import { banHash } from './ban-key.ts';
import { rescreen } from './service.ts';
import { banEntries, staff } from './tables.ts';

export type BanRehashReport = {
  districtCode: string;
  staff: number;
  staffUnchanged: number;
  entries: number;
  entriesUnchanged: number;
  /** Entries that could not be carried over: no person registered here holds the number. */
  unmatched: { id: string; source: string; decisionRef: string; issuingDistrict: string | null }[];
  /** Staff rows whose stored hash matched neither key (a number changed outside the app): recomputed. */
  staffRepaired: number;
  rescreenMatches: number;
};

export async function rehashBanList(
  db: Db,
  opts: { oldKey: Buffer; newKey: Buffer; now?: () => Date },
): Promise<BanRehashReport[]> {
  if (opts.oldKey.equals(opts.newKey)) throw new Error('the new ban-list key is the key in use');
  const now = opts.now ?? (() => new Date());
  const districts = (await db
    .selectDistinct({ d: staff.districtCode })
    .from(staff)
    .union(db.selectDistinct({ d: banEntries.districtCode }).from(banEntries))) as { d: string }[];
  const reports: BanRehashReport[] = [];
  for (const { d: districtCode } of districts.sort((a, b) => a.d.localeCompare(b.d))) {
    const report = await db.transaction(async (tx) => {
      const r: BanRehashReport = {
        districtCode,
        staff: 0,
        staffUnchanged: 0,
        entries: 0,
        entriesUnchanged: 0,
        unmatched: [],
        staffRepaired: 0,
        rescreenMatches: 0,
      };
      // old hash → new hash of every person registered here
      const carry = new Map<string, string>();
      const fresh = new Set<string>();
      const people = await tx
        .select({
          id: staff.id,
          idType: staff.idType,
          idNumber: staff.idNumber,
          passportNumber: staff.passportNumber,
          banHash: staff.banHash,
        })
        .from(staff)
        .where(eq(staff.districtCode, districtCode));
      for (const p of people) {
        const citizen = p.idType === 'citizen_id';
        const sealed = citizen ? p.idNumber : p.passportNumber;
        if (!sealed) continue;
        const number = openValue(citizen ? 'citizen_id' : 'passport', sealed);
        const before = banHash(p.idType, number, opts.oldKey);
        const after = banHash(p.idType, number, opts.newKey);
        carry.set(before, after);
        fresh.add(after);
        if (p.banHash === after) {
          r.staffUnchanged++;
          continue;
        }
        if (p.banHash !== before) r.staffRepaired++;
        await tx
          .update(staff)
          .set({ banHash: after })
          .where(and(eq(staff.districtCode, districtCode), eq(staff.id, p.id)));
        r.staff++;
      }
      const entries = await tx
        .select({
          id: banEntries.id,
          banHash: banEntries.banHash,
          source: banEntries.source,
          decisionRef: banEntries.decisionRef,
          issuingDistrict: banEntries.issuingDistrict,
        })
        .from(banEntries)
        .where(eq(banEntries.districtCode, districtCode));
      for (const e of entries) {
        const after = carry.get(e.banHash);
        if (after === undefined) {
          if (fresh.has(e.banHash)) r.entriesUnchanged++;
          else
            r.unmatched.push({
              id: e.id,
              source: e.source,
              decisionRef: e.decisionRef,
              issuingDistrict: e.issuingDistrict,
            });
          continue;
        }
        await tx
          .update(banEntries)
          .set({ banHash: after })
          .where(and(eq(banEntries.districtCode, districtCode), eq(banEntries.id, e.id)));
        r.entries++;
      }
      if (r.staff + r.entries > 0)
        await recordAudit(
          tx,
          { actor: null, districtCode, ip: null, requestId: null, now: now() },
          {
            action: 'workforce.ban_key_change',
            objectType: 'workforce_ban_list',
            changes: {
              staff: r.staff,
              staffRepaired: r.staffRepaired,
              entries: r.entries,
              unmatched: r.unmatched.length,
            },
          },
        );
      return r;
    });
    const matched = await rescreen(db, districtCode, now(), (tx, e) =>
      recordAudit(tx, { actor: null, districtCode, ip: null, requestId: null, now: now() }, e),
    );
    report.rescreenMatches = matched.matched;
    reports.push(report);
  }
  return reports;
}

/** Sanity check before writing the key file: does the installed key reproduce the stored staff hashes? */
export async function keyMatchesStaff(db: Db, key: Buffer, sample = 20): Promise<boolean | null> {
  const rows = await db
    .select({
      idType: staff.idType,
      idNumber: staff.idNumber,
      passportNumber: staff.passportNumber,
      banHash: staff.banHash,
    })
    .from(staff)
    .orderBy(sql`${staff.districtCode}, ${staff.id}`)
    .limit(sample);
  if (rows.length === 0) return null;
  return rows.every((p) => {
    const citizen = p.idType === 'citizen_id';
    const sealed = citizen ? p.idNumber : p.passportNumber;
    return (
      !sealed || banHash(p.idType, openValue(citizen ? 'citizen_id' : 'passport', sealed), key) === p.banHash
    );
  });
}
