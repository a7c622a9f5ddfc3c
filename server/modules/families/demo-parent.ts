/**
 * Phase 1 of the Families demo (issue 11): the family the demo `parent` account (家长 赵女士) is scoped
 * to. Synthetic and deterministic: a household in a 朱家角镇 community, two guardians, two children under
 * 3 (ages counted back from the seed's clock, so they stay under 3 whenever the demo is seeded), consent
 * for guidance sign-up and home visits, and one recorded home visit. The birth record passes the
 * module's own checks (prepareRecord); the ID numbers and mobiles are sealed with the platform's
 * personal-data functions, as the module's writer seals them. Ids come from an Rng of its own so the
 * shared demo sequence (accounts, other modules) is unchanged.
 */
import type { BirthRecordBody } from '../../../domain/contracts/families.ts';
import { formatDayNumber, parseDate } from '../../../domain/rules/dates.ts';
import { citizenIdCheckChar } from '../../../domain/rules/ids.ts';
import type { Db } from '../../db/client.ts';
import { Rng } from '../../demo/rng.ts';
import { localDate } from '../../platform/clock.ts';
import { protect, sealValue } from '../../platform/personal-data.ts';
import { prepareRecord } from './records.ts';
import {
  families,
  familyChildren,
  familyCommunities,
  familyConsents,
  familyGuardians,
  familyVisits,
} from './tables.ts';

/** The demo family's community in 朱家角镇 (town code <district>102). */
export const demoParentCommunity = (district: string) => `${district}102201`;
export const DEMO_PARENT_COMMUNITY_NAME = '朱家角镇珠溪社区';
/** The notice the demo consents were given under. */
export const DEMO_NOTICE_VERSION = '2026-01';

/** A date `days` before `today` (YYYY-MM-DD). */
function daysBefore(today: string, days: number): string {
  const d = parseDate(today);
  if (!d.ok) throw new Error(`demo-parent: bad date ${today}`);
  return formatDayNumber(d.dayNumber - days);
}

/** A synthetic ID number with a valid check character (address code of the district, the birth date). */
function idFor(district: string, birthDate: string, seq: number): string {
  const first17 = `${district}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17);
}

/** Creates the demo parent's family; answers its id. */
export async function seedDemoParentFamily(
  db: Db,
  opts: { district: string; now: Date },
): Promise<{ demoFamilyId: string }> {
  const { district, now } = opts;
  const rng = new Rng(20260511);
  const ms = now.getTime();
  const today = localDate(now);
  const townCode = `${district}102`;
  const communityCode = demoParentCommunity(district);
  const olderBirth = daysBefore(today, 790); // about 26 months
  const youngerBirth = daysBefore(today, 300); // about 10 months
  const record: BirthRecordBody = {
    childName: '赵小禾',
    childIdNumber: idFor(district, olderBirth, 402),
    birthDate: olderBirth,
    sex: 'female',
    guardians: [
      {
        name: '赵雨晴',
        relation: 'mother',
        idNumber: idFor(district, '1993-04-17', 226),
        mobile: '13900000611',
      },
      {
        name: '钱志远',
        relation: 'father',
        idNumber: idFor(district, '1991-09-02', 315),
        mobile: '13900000612',
      },
    ],
    address: '朱家角镇珠溪路 88 弄 6 号 301 室（演示地址）',
    communityCode,
    resident: true,
  };
  const second = {
    childName: '钱小川',
    idNumber: idFor(district, youngerBirth, 517),
    birthDate: youngerBirth,
  };

  await db
    .insert(familyCommunities)
    .values({
      districtCode: district,
      code: communityCode,
      townCode,
      name: DEMO_PARENT_COMMUNITY_NAME,
      createdAt: now,
    })
    .onConflictDoNothing();
  const { errors, record: checked } = prepareRecord(
    record,
    today,
    new Map([[communityCode, townCode]]),
    () => true,
  );
  if (!checked) throw new Error(`demo-parent: ${errors.map((e) => `${e.field} ${e.rule}`).join(', ')}`);

  const familyId = rng.uuid(ms);
  const guardianIds = checked.checked.guardians.map(() => rng.uuid(ms));
  await db.transaction(async (tx) => {
    await tx.insert(families).values({
      districtCode: district,
      id: familyId,
      townCode,
      communityCode,
      address: record.address,
      resident: true,
      source: 'birth_record',
      createdAt: now,
      updatedAt: now,
    });
    const children = [
      {
        name: record.childName,
        idNumber: checked.checked.childIdNumber,
        birthDate: olderBirth,
        sex: 'female' as const,
      },
      { name: second.childName, idNumber: second.idNumber, birthDate: youngerBirth, sex: 'male' as const },
    ];
    await tx.insert(familyChildren).values(
      children.map((c) => {
        const p = protect('citizen_id', c.idNumber);
        return {
          districtCode: district,
          id: rng.uuid(ms),
          familyId,
          childName: c.name,
          idNumber: p.sealed,
          idNumberBidx: p.index,
          birthDate: c.birthDate,
          sex: c.sex,
          createdAt: now,
          updatedAt: now,
        };
      }),
    );
    await tx.insert(familyGuardians).values(
      checked.checked.guardians.map((g, i) => {
        const id = g.idNumber ? protect('citizen_id', g.idNumber) : null;
        return {
          districtCode: district,
          id: guardianIds[i]!,
          familyId,
          position: i,
          guardianName: g.name,
          relation: g.relation,
          idNumber: id?.sealed ?? null,
          idNumberBidx: id?.index ?? null,
          mobile: sealValue('phone', g.mobile),
          createdAt: now,
        };
      }),
    );
    const givenAt = new Date(`${daysBefore(today, 280)}T10:00:00+08:00`);
    await tx.insert(familyConsents).values(
      (['guidance_signup', 'home_visit'] as const).map((purpose) => ({
        districtCode: district,
        id: rng.uuid(ms),
        familyId,
        guardianId: guardianIds[0]!,
        purpose,
        status: 'given' as const,
        noticeVersion: DEMO_NOTICE_VERSION,
        channel: 'paper' as const,
        givenAt,
      })),
    );
    const visitedOn = daysBefore(today, 45);
    await tx.insert(familyVisits).values({
      districtCode: district,
      id: rng.uuid(ms),
      familyId,
      townCode,
      communityCode,
      workerId: null,
      workerName: null,
      scheduledFor: visitedOn,
      status: 'done',
      visitedOn,
      feeding: '母乳与辅食搭配合理，建议逐步增加含铁辅食。',
      growth: '身长、体重在正常范围，大运动发育良好。',
      safety: '提醒加装窗户限位器，药品放在高处。',
      diseasePrevention: '按时接种疫苗；秋冬季注意手卫生。',
      handbookGiven: true,
      createdAt: now,
      updatedAt: now,
    });
  });
  return { demoFamilyId: familyId };
}
