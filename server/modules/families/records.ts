/**
 * Writing birth records (issue 11): one family per child, its guardians, keyed by the child's ID
 * number's blind index. Used by the create route, the import's batches, the demo and the factories:
 * a record whose child exists already updates what changed (and counts as updated only then); a
 * record seen again unchanged adds and changes nothing.
 */
import { eq, sql } from 'drizzle-orm';
import type { FieldError } from '../../../domain/contracts/common.ts';
import type { BirthRecordBody } from '../../../domain/contracts/families.ts';
import { findDivision } from '../../../domain/divisions.ts';
import { type CheckedBirthRecord, checkBirthRecord } from '../../../domain/families/rules.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { indexCandidates, openValue, protect, sealValue } from '../../platform/personal-data.ts';
import { familyCommunities, type familyGuardians } from './tables.ts';

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

/** One stored guardian of an existing record (sealed values as stored). */
interface StoredGuardian {
  id: string;
  name: string;
  relation: string;
  mobile: string | null;
  idNumber: string | null;
}

/** What a batch's lookup finds of one existing record. */
interface StoredRecord {
  familyId: string;
  childId: string;
  address: string;
  communityCode: string;
  resident: boolean;
  childName: string;
  birthDate: string;
  sex: string;
  guardians: Map<number, StoredGuardian>;
}

const rowsOf = <R>(res: unknown) => (res as { rows: R[] }).rows;

/**
 * The blind index of each ID number under every index key (current first), mapped back to the ID
 * number: a stored row's index names its record without opening any sealed value (rows not yet moved
 * by a rotation of the index key are found by an older key's index).
 */
function candidatesOf(idNumbers: Iterable<string>): Map<string, string> {
  const byIndex = new Map<string, string>();
  for (const id of idNumbers) for (const c of indexCandidates('citizen_id', id)) byIndex.set(c, id);
  return byIndex;
}

/** Which of these children's ID numbers are registered in the district (one query, nothing decrypted). */
export async function registeredChildIds(
  db: Db,
  districtCode: string,
  idNumbers: string[],
): Promise<Set<string>> {
  if (idNumbers.length === 0) return new Set();
  const byIndex = candidatesOf(idNumbers);
  const res = await db.execute(sql`
    select id_number_bidx as bidx from family_children
    where district_code = ${districtCode} and id_number_bidx = any(${sql.param([...byIndex.keys()])}::text[])`);
  return new Set(rowsOf<{ bidx: string }>(res).map((r) => byIndex.get(r.bidx)!));
}

/** The stored records (family, child, guardians) of these ID numbers, by ID number: one query. */
async function storedRecords(tx: Db, districtCode: string, idNumbers: string[]) {
  const byIndex = candidatesOf(idNumbers);
  const res = await tx.execute(sql`
    select c.id_number_bidx as bidx, c.id as child_id, c.child_name, c.birth_date::text as birth_date, c.sex,
      f.id as family_id, f.address, f.community_code, f.resident,
      g.id as guardian_id, g.position, g.guardian_name, g.relation, g.mobile, g.id_number as guardian_id_number
    from family_children c
    join families f on f.district_code = c.district_code and f.id = c.family_id
    left join family_guardians g on g.district_code = c.district_code and g.family_id = c.family_id
    where c.district_code = ${districtCode} and c.id_number_bidx = any(${sql.param([...byIndex.keys()])}::text[])`);
  const stored = new Map<string, StoredRecord>();
  for (const r of rowsOf<{
    bidx: string;
    child_id: string;
    child_name: string;
    birth_date: string;
    sex: string;
    family_id: string;
    address: string;
    community_code: string;
    resident: boolean;
    guardian_id: string | null;
    position: number | null;
    guardian_name: string | null;
    relation: string | null;
    mobile: string | null;
    guardian_id_number: string | null;
  }>(res)) {
    const id = byIndex.get(r.bidx)!;
    let e = stored.get(id);
    if (!e) {
      e = {
        familyId: r.family_id,
        childId: r.child_id,
        address: r.address,
        communityCode: r.community_code,
        resident: r.resident,
        childName: r.child_name,
        birthDate: r.birth_date,
        sex: r.sex,
        guardians: new Map(),
      };
      stored.set(id, e);
    }
    if (r.guardian_id !== null)
      e.guardians.set(Number(r.position), {
        id: r.guardian_id,
        name: r.guardian_name!,
        relation: r.relation!,
        mobile: r.mobile,
        idNumber: r.guardian_id_number,
      });
  }
  return stored;
}

/** One array parameter of an `unnest(…)`: the field `k` of every row. */
const column = <R, K extends keyof R>(rows: R[], k: K) => sql.param(rows.map((r) => r[k]));

/**
 * Insert new records and update changed ones; returns what happened and the families' ids (those
 * found first, in the records' order, then the new ones). Set-based whatever the number of records:
 * one lookup (by the blind index; nothing is decrypted but the stored guardians' mobiles and ID
 * numbers of the records found, to compare them), then per table at most one INSERT … SELECT FROM
 * unnest and one UPDATE … FROM unnest of the rows that differ (the families' and children's updates
 * also check IS DISTINCT FROM in SQL); a record counts as updated when any of its rows was. Not
 * ON CONFLICT on the blind index: a row not yet moved by a rotation of the index key holds an older
 * key's index (only the lookup by every candidate finds it), and a sealed mobile differs from its
 * stored self whenever it is sealed (a fresh nonce), so it is compared opened.
 */
export async function upsertRecords(
  tx: Db,
  districtCode: string,
  now: Date,
  records: PreparedRecord[],
  source: 'birth_record' | 'manual',
): Promise<{ inserted: number; updated: number; familyIds: string[] }> {
  if (records.length === 0) return { inserted: 0, updated: 0, familyIds: [] };
  const unique = new Map<string, PreparedRecord>();
  for (const r of records) if (!unique.has(r.checked.childIdNumber)) unique.set(r.checked.childIdNumber, r);
  const stored = await storedRecords(tx, districtCode, [...unique.keys()]);
  const at = now.toISOString();
  type FamilyRow = {
    id: string;
    townCode: string;
    communityCode: string;
    address: string;
    resident: boolean;
  };
  type ChildRow = { id: string; name: string; birthDate: string; sex: string };
  const newFamilies: FamilyRow[] = [];
  const newChildren: (ChildRow & { familyId: string; sealed: string; index: string })[] = [];
  const newGuardians: (typeof familyGuardians.$inferInsert)[] = [];
  const changedFamilies: FamilyRow[] = [];
  const changedChildren: ChildRow[] = [];
  const changedGuardians: (typeof familyGuardians.$inferInsert)[] = [];
  const familyIds: string[] = [];
  /** Found families with a row updated or a guardian added (a record counts as updated once). */
  const updatedFamilies = new Set<string>();
  for (const [idNumber, r] of unique) {
    const b = r.body;
    const family = {
      townCode: r.townCode,
      communityCode: b.communityCode,
      address: b.address,
      resident: b.resident,
    };
    const e = stored.get(idNumber);
    if (!e) {
      const familyId = uuidv7(now.getTime());
      newFamilies.push({ id: familyId, ...family });
      const p = protect('citizen_id', idNumber);
      newChildren.push({
        id: uuidv7(now.getTime()),
        familyId,
        name: b.childName,
        sealed: p.sealed,
        index: p.index,
        birthDate: b.birthDate,
        sex: b.sex,
      });
      for (const [i, g] of r.checked.guardians.entries())
        newGuardians.push(guardianRow(districtCode, familyId, i, g, now));
      continue;
    }
    familyIds.push(e.familyId);
    if (e.address !== b.address || e.communityCode !== b.communityCode || e.resident !== b.resident)
      changedFamilies.push({ id: e.familyId, ...family });
    if (e.childName !== b.childName || e.birthDate !== b.birthDate || e.sex !== b.sex)
      changedChildren.push({ id: e.childId, name: b.childName, birthDate: b.birthDate, sex: b.sex });
    for (const [i, g] of r.checked.guardians.entries()) {
      const old = e.guardians.get(i);
      if (!old) {
        newGuardians.push(guardianRow(districtCode, e.familyId, i, g, now));
        updatedFamilies.add(e.familyId);
      } else if (
        old.name !== g.name ||
        old.relation !== g.relation ||
        (old.mobile ? openValue('phone', old.mobile) : null) !== g.mobile ||
        (old.idNumber ? openValue('citizen_id', old.idNumber) : null) !== g.idNumber
      )
        changedGuardians.push({ ...guardianRow(districtCode, e.familyId, i, g, now), id: old.id });
    }
  }
  const note = (res: unknown) => {
    for (const r of rowsOf<{ family_id: string }>(res)) updatedFamilies.add(r.family_id);
  };
  if (changedFamilies.length) {
    const f = changedFamilies;
    note(
      await tx.execute(sql`
        update families f set address = u.address, community_code = u.community_code, town_code = u.town_code,
          resident = u.resident, updated_at = ${at}::timestamptz, version = f.version + 1
        from unnest(${column(f, 'id')}::uuid[], ${column(f, 'address')}::text[], ${column(f, 'communityCode')}::text[],
          ${column(f, 'townCode')}::text[], ${column(f, 'resident')}::boolean[])
          as u(id, address, community_code, town_code, resident)
        where f.district_code = ${districtCode} and f.id = u.id
          and (f.address, f.community_code, f.resident) is distinct from (u.address, u.community_code, u.resident)
        returning f.id as family_id`),
    );
  }
  if (changedChildren.length) {
    const c = changedChildren;
    note(
      await tx.execute(sql`
        update family_children c set child_name = u.child_name, birth_date = u.birth_date, sex = u.sex,
          updated_at = ${at}::timestamptz
        from unnest(${column(c, 'id')}::uuid[], ${column(c, 'name')}::text[], ${column(c, 'birthDate')}::date[],
          ${column(c, 'sex')}::text[]) as u(id, child_name, birth_date, sex)
        where c.district_code = ${districtCode} and c.id = u.id
          and (c.child_name, c.birth_date, c.sex) is distinct from (u.child_name, u.birth_date, u.sex)
        returning c.family_id`),
    );
  }
  if (changedGuardians.length) {
    // The mobile is sealed with a fresh nonce: it differs in SQL every time, so the comparison is above.
    const g = changedGuardians;
    note(
      await tx.execute(sql`
        update family_guardians g set guardian_name = u.name, relation = u.relation, mobile = u.mobile,
          id_number = u.id_number, id_number_bidx = u.id_number_bidx
        from unnest(${column(g, 'id')}::uuid[], ${column(g, 'guardianName')}::text[], ${column(g, 'relation')}::text[],
          ${column(g, 'mobile')}::text[], ${column(g, 'idNumber')}::text[], ${column(g, 'idNumberBidx')}::text[])
          as u(id, name, relation, mobile, id_number, id_number_bidx)
        where g.district_code = ${districtCode} and g.id = u.id
        returning g.family_id`),
    );
  }
  if (newFamilies.length) {
    const f = newFamilies;
    await tx.execute(sql`
      insert into families (district_code, id, town_code, community_code, address, resident, source, created_at,
        updated_at)
      select ${districtCode}, u.id, u.town_code, u.community_code, u.address, u.resident, ${source},
        ${at}::timestamptz, ${at}::timestamptz
      from unnest(${column(f, 'id')}::uuid[], ${column(f, 'townCode')}::text[], ${column(f, 'communityCode')}::text[],
        ${column(f, 'address')}::text[], ${column(f, 'resident')}::boolean[])
        as u(id, town_code, community_code, address, resident)`);
    const c = newChildren;
    await tx.execute(sql`
      insert into family_children (district_code, id, family_id, child_name, id_number, id_number_bidx, birth_date,
        sex, created_at, updated_at)
      select ${districtCode}, u.id, u.family_id, u.child_name, u.id_number, u.id_number_bidx, u.birth_date, u.sex,
        ${at}::timestamptz, ${at}::timestamptz
      from unnest(${column(c, 'id')}::uuid[], ${column(c, 'familyId')}::uuid[], ${column(c, 'name')}::text[],
        ${column(c, 'sealed')}::text[], ${column(c, 'index')}::text[], ${column(c, 'birthDate')}::date[],
        ${column(c, 'sex')}::text[]) as u(id, family_id, child_name, id_number, id_number_bidx, birth_date, sex)`);
  }
  if (newGuardians.length) {
    const g = newGuardians;
    await tx.execute(sql`
      insert into family_guardians (district_code, id, family_id, position, guardian_name, relation, id_number,
        id_number_bidx, mobile, created_at)
      select ${districtCode}, u.id, u.family_id, u.position, u.name, u.relation, u.id_number, u.id_number_bidx,
        u.mobile, ${at}::timestamptz
      from unnest(${column(g, 'id')}::uuid[], ${column(g, 'familyId')}::uuid[], ${column(g, 'position')}::int[],
        ${column(g, 'guardianName')}::text[], ${column(g, 'relation')}::text[], ${column(g, 'idNumber')}::text[],
        ${column(g, 'idNumberBidx')}::text[], ${column(g, 'mobile')}::text[])
        as u(id, family_id, position, name, relation, id_number, id_number_bidx, mobile)`);
  }
  return {
    inserted: newFamilies.length,
    updated: updatedFamilies.size,
    familyIds: [...familyIds, ...newFamilies.map((f) => f.id)],
  };
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
