/**
 * Writing birth records (issue 11): one family per child, its guardians, keyed by the child's ID
 * number's blind index. Used by the create route, the import's batches, the demo and the factories:
 * a record whose child exists already updates what changed (and counts as updated only then); a
 * record seen again unchanged adds and changes nothing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { FieldError } from '../../../domain/contracts/common.ts';
import type { BirthRecordBody } from '../../../domain/contracts/families.ts';
import { findDivision } from '../../../domain/divisions.ts';
import { type CheckedBirthRecord, checkBirthRecord } from '../../../domain/families/rules.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { indexCandidates, openValue, protect, type Sealed, sealValue } from '../../platform/personal-data.ts';
import { families, familyChildren, familyCommunities, familyGuardians } from './tables.ts';

export interface PreparedRecord {
  body: BirthRecordBody;
  checked: CheckedBirthRecord;
  townCode: string;
}

/** The known communities of a district: code → town. */
export async function communityTowns(db: Db, districtCode: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: familyCommunities.code, townCode: familyCommunities.townCode })
    .from(familyCommunities)
    .where(eq(familyCommunities.districtCode, districtCode));
  return new Map(rows.map((r) => [r.code, r.townCode]));
}

/** The checks of one record with the community register (an unknown community is a field error). */
export function prepareRecord(
  body: BirthRecordBody,
  today: string,
  communities: ReadonlyMap<string, string>,
  townInScope: (townCode: string) => boolean,
): { errors: FieldError[]; record?: PreparedRecord } {
  const { errors, value } = checkBirthRecord(body, today);
  const townCode = communities.get(body.communityCode);
  if (!townCode)
    errors.push({
      field: 'communityCode',
      rule: 'unknown_community',
      message_zh: '社区代码不在社区名录中',
      message_en: 'The community code is not in the community register',
    });
  else if (!townInScope(townCode) || !findDivision(townCode))
    errors.push({
      field: 'communityCode',
      rule: 'out_of_scope',
      message_zh: '该社区不在您的管辖范围内',
      message_en: 'This community lies outside your scope',
    });
  if (errors.length > 0 || !value || !townCode) return { errors };
  return { errors, record: { body, checked: value, townCode } };
}

/** Insert new records and update changed ones; returns what happened and the families' ids. */
export async function upsertRecords(
  tx: Db,
  districtCode: string,
  now: Date,
  records: PreparedRecord[],
  source: 'birth_record' | 'manual',
): Promise<{ inserted: number; updated: number; familyIds: string[] }> {
  if (records.length === 0) return { inserted: 0, updated: 0, familyIds: [] };
  const candidates = records.flatMap((r) => indexCandidates('citizen_id', r.checked.childIdNumber));
  const existing = await tx
    .select({ child: familyChildren, family: families })
    .from(familyChildren)
    .innerJoin(
      families,
      and(eq(families.districtCode, familyChildren.districtCode), eq(families.id, familyChildren.familyId)),
    )
    .where(
      and(eq(familyChildren.districtCode, districtCode), inArray(familyChildren.idNumberBidx, candidates)),
    );
  const byId = new Map(existing.map((e) => [openValue('citizen_id', e.child.idNumber as Sealed), e]));
  const fresh: PreparedRecord[] = [];
  const familyIds: string[] = [];
  let updated = 0;
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.checked.childIdNumber)) continue;
    seen.add(r.checked.childIdNumber);
    const e = byId.get(r.checked.childIdNumber);
    if (!e) {
      fresh.push(r);
      continue;
    }
    familyIds.push(e.family.id);
    if (await updateIfChanged(tx, e.family, e.child, r, now)) updated++;
  }
  if (fresh.length > 0) {
    const famRows: (typeof families.$inferInsert)[] = [];
    const childRows: (typeof familyChildren.$inferInsert)[] = [];
    const guardianRows: (typeof familyGuardians.$inferInsert)[] = [];
    for (const r of fresh) {
      const familyId = uuidv7(now.getTime());
      familyIds.push(familyId);
      famRows.push({
        districtCode,
        id: familyId,
        townCode: r.townCode,
        communityCode: r.body.communityCode,
        address: r.body.address,
        resident: r.body.resident,
        source,
        createdAt: now,
        updatedAt: now,
      });
      const p = protect('citizen_id', r.checked.childIdNumber);
      childRows.push({
        districtCode,
        id: uuidv7(now.getTime()),
        familyId,
        childName: r.body.childName,
        idNumber: p.sealed,
        idNumberBidx: p.index,
        birthDate: r.body.birthDate,
        sex: r.body.sex,
        createdAt: now,
        updatedAt: now,
      });
      for (const [i, g] of r.checked.guardians.entries())
        guardianRows.push(guardianRow(districtCode, familyId, i, g, now));
    }
    for (let i = 0; i < famRows.length; i += 1000) {
      await tx.insert(families).values(famRows.slice(i, i + 1000));
      await tx.insert(familyChildren).values(childRows.slice(i, i + 1000));
    }
    for (let i = 0; i < guardianRows.length; i += 1000)
      await tx.insert(familyGuardians).values(guardianRows.slice(i, i + 1000));
  }
  return { inserted: fresh.length, updated, familyIds };
}

function guardianRow(
  districtCode: string,
  familyId: string,
  position: number,
  g: CheckedBirthRecord['guardians'][number],
  now: Date,
): typeof familyGuardians.$inferInsert {
  const id = g.idNumber ? protect('citizen_id', g.idNumber) : null;
  return {
    districtCode,
    id: uuidv7(now.getTime()),
    familyId,
    position,
    guardianName: g.name,
    relation: g.relation,
    idNumber: id?.sealed ?? null,
    idNumberBidx: id?.index ?? null,
    mobile: sealValue('phone', g.mobile),
    createdAt: now,
  };
}

async function updateIfChanged(
  tx: Db,
  family: typeof families.$inferSelect,
  child: typeof familyChildren.$inferSelect,
  r: PreparedRecord,
  now: Date,
): Promise<boolean> {
  let changed = false;
  const b = r.body;
  if (
    family.address !== b.address ||
    family.communityCode !== b.communityCode ||
    family.resident !== b.resident
  ) {
    await tx
      .update(families)
      .set({
        address: b.address,
        communityCode: b.communityCode,
        townCode: r.townCode,
        resident: b.resident,
        updatedAt: now,
        version: family.version + 1,
      })
      .where(and(eq(families.districtCode, family.districtCode), eq(families.id, family.id)));
    changed = true;
  }
  if (child.childName !== b.childName || child.birthDate !== b.birthDate || child.sex !== b.sex) {
    await tx
      .update(familyChildren)
      .set({ childName: b.childName, birthDate: b.birthDate, sex: b.sex, updatedAt: now })
      .where(and(eq(familyChildren.districtCode, child.districtCode), eq(familyChildren.id, child.id)));
    changed = true;
  }
  const current = await tx
    .select()
    .from(familyGuardians)
    .where(
      and(eq(familyGuardians.districtCode, family.districtCode), eq(familyGuardians.familyId, family.id)),
    );
  for (const [i, g] of r.checked.guardians.entries()) {
    const old = current.find((c) => c.position === i);
    if (!old) {
      await tx.insert(familyGuardians).values(guardianRow(family.districtCode, family.id, i, g, now));
      changed = true;
      continue;
    }
    const oldId = old.idNumber ? openValue('citizen_id', old.idNumber) : null;
    if (
      old.guardianName !== g.name ||
      old.relation !== g.relation ||
      (old.mobile ? openValue('phone', old.mobile) : null) !== g.mobile ||
      oldId !== g.idNumber
    ) {
      const row = guardianRow(family.districtCode, family.id, i, g, now);
      await tx
        .update(familyGuardians)
        .set({
          guardianName: row.guardianName,
          relation: row.relation,
          mobile: row.mobile,
          idNumber: row.idNumber ?? null,
          idNumberBidx: row.idNumberBidx ?? null,
        })
        .where(and(eq(familyGuardians.districtCode, old.districtCode), eq(familyGuardians.id, old.id)));
      changed = true;
    }
  }
  return changed;
}
