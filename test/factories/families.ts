/**
 * Families for tests (issue 11): synthetic children with valid GB 11643 check characters, communities,
 * and families written through the module's own writer (the one the import and the create route use).
 *
 *   await buildCommunity(db, { code: ZJJ_COMMUNITY });
 *   const f = await buildFamily(db, { communityCode: ZJJ_COMMUNITY, birthDate: '2025-05-01' });
 */
import { and, eq } from 'drizzle-orm';
import type { BirthRecordBody } from '../../domain/contracts/families.ts';
import { citizenIdCheckChar } from '../../domain/rules/ids.ts';
import type { Db } from '../../server/db/client.ts';
import { communityTowns, prepareRecord, upsertRecords } from '../../server/modules/families/records.ts';
import { familyChildren, familyCommunities, familyGuardians } from '../../server/modules/families/tables.ts';
import { localDate } from '../../server/platform/clock.ts';
import { uuidv7 } from '../../server/platform/ids.ts';
import { protect } from '../../server/platform/personal-data.ts';
import { FACTORY_DISTRICT, FACTORY_NOW } from './context.ts';

/** Communities of 朱家角镇 (310118102) and 徐泾镇 (310118106). */
export const ZJJ_COMMUNITY = '310118102001';
export const XJ_COMMUNITY = '310118106001';

/** A valid synthetic child ID number: Qingpu address code, the birth date, a sequence (odd = male). */
export function childIdFor(birthDate: string, seq: number): string {
  const first17 = `310118${birthDate.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17);
}

/** A synthetic mobile number 139xxxxxxxx from a counter. */
export const mobileFor = (n: number) => `139${String(n % 100_000_000).padStart(8, '0')}`;

let counter = 0;

/** A valid birth record (a child born `birthDate`, a mother). */
export function birthRecordFor(p: Partial<BirthRecordBody> & { seq?: number } = {}): BirthRecordBody {
  const { seq: given, ...o } = p;
  const n = given ?? ++counter;
  const birthDate = o.birthDate ?? '2025-06-15';
  const seq = n % 1000;
  return {
    childName: `测试宝宝${n}`,
    childIdNumber: childIdFor(birthDate, seq),
    birthDate,
    sex: seq % 2 === 1 ? 'male' : 'female',
    guardians: [{ name: `测试妈妈${n}`, relation: 'mother', mobile: mobileFor(n) }],
    address: `朱家角镇测试路${n}号`,
    communityCode: ZJJ_COMMUNITY,
    resident: true,
    ...o,
  };
}

export async function buildCommunity(
  db: Db,
  o: { code?: string; name?: string; district?: string; now?: Date } = {},
): Promise<void> {
  const code = o.code ?? ZJJ_COMMUNITY;
  await db
    .insert(familyCommunities)
    .values({
      districtCode: o.district ?? FACTORY_DISTRICT,
      code,
      townCode: code.slice(0, 9),
      name: o.name ?? `测试社区${code.slice(-3)}`,
      createdAt: o.now ?? FACTORY_NOW,
    })
    .onConflictDoNothing();
}

/** A family from one birth record, through the module's writer (checks included); its ids. */
export async function buildFamily(
  db: Db,
  o: Partial<BirthRecordBody> & { seq?: number; now?: Date; district?: string } = {},
): Promise<{ familyId: string; childId: string; guardianId: string; record: BirthRecordBody }> {
  const { now = FACTORY_NOW, district = FACTORY_DISTRICT, ...rest } = o;
  const record = birthRecordFor(rest);
  await buildCommunity(db, { code: record.communityCode, district, now });
  const { errors, record: prepared } = prepareRecord(
    record,
    localDate(now),
    await communityTowns(db, district),
    () => true,
  );
  if (!prepared) throw new Error(`buildFamily: ${JSON.stringify(errors)}`);
  const { familyIds } = await upsertRecords(db, district, now, [prepared], 'manual');
  const familyId = familyIds[0]!;
  const [child] = await db
    .select()
    .from(familyChildren)
    .where(and(eq(familyChildren.districtCode, district), eq(familyChildren.familyId, familyId)));
  const [guardian] = await db
    .select()
    .from(familyGuardians)
    .where(and(eq(familyGuardians.districtCode, district), eq(familyGuardians.familyId, familyId)));
  return { familyId, childId: child!.id, guardianId: guardian!.id, record };
}

/** More children in one family (siblings; test setup for contention tests). */
export async function addChildren(
  db: Db,
  familyId: string,
  n: number,
  o: { birthDate?: string; now?: Date; district?: string; seqFrom?: number } = {},
): Promise<string[]> {
  const birthDate = o.birthDate ?? '2025-01-10';
  const now = o.now ?? FACTORY_NOW;
  const rows = Array.from({ length: n }, (_, i) => {
    const p = protect('citizen_id', childIdFor(birthDate, (o.seqFrom ?? 100) + i));
    return {
      districtCode: o.district ?? FACTORY_DISTRICT,
      id: uuidv7(now.getTime()),
      familyId,
      childName: `测试同胞${i + 1}`,
      idNumber: p.sealed,
      idNumberBidx: p.index,
      birthDate,
      sex: ((o.seqFrom ?? 100) + i) % 2 === 1 ? ('male' as const) : ('female' as const),
      createdAt: now,
      updatedAt: now,
    };
  });
  await db.insert(familyChildren).values(rows);
  return rows.map((r) => r.id);
}
