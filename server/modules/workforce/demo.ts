/** Demo data of the Workforce (issue 9) module: synthetic, deterministic (the seeded Rng), sealed personal numbers. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CertificateType, Post, TrainingCategory } from '../../../domain/contracts/workforce.ts';
import { CARE_POSTS } from '../../../domain/contracts/workforce.ts';
import { findDivision } from '../../../domain/divisions.ts';
import type { ClassType } from '../../../domain/policy/types.ts';
import { formatDayNumber, parseDate } from '../../../domain/rules/dates.ts';
import { citizenIdCheckChar } from '../../../domain/rules/ids.ts';
import { workforcePolicy } from '../../../domain/workforce/policy.ts';
import type { Db } from '../../db/client.ts';
import { insertChunks } from '../../demo/chunks.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { localDate } from '../../platform/clock.ts';
import { protect, sealValue } from '../../platform/personal-data.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { institutionClasses, institutions } from '../institutions/tables.ts';
import { banHash } from './ban-key.ts';
import { STAFFED_STATUSES } from './compliance.ts';
import {
  banEntries,
  certificates,
  classAssignments,
  employments,
  personRecords,
  recordChecks,
  staff,
  trainingAttendance,
  trainingEvents,
} from './tables.ts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '秀英丽敏静燕芳娟霞玲桂兰红梅琳雪婷慧佳欣怡倩颖晶莉萍丹蓉洁文华建军伟勇磊涛明超强';

/** A synthetic citizen ID for demo person n: the district's code (Qingpu's by default), a birth date from n, a valid check character. */
export function demoStaffId(n: number, female: boolean, district = '310118'): string {
  const birth = parseDate('1968-01-01');
  const day = formatDayNumber((birth.ok ? birth.dayNumber : 0) + ((n * 7919) % 11_000));
  const seq = 600 + 2 * Math.floor(n / 11_000) + (female ? 0 : 1);
  const first17 = `${district}${day.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${citizenIdCheckChar(first17)}`;
}

const addDays = (day: string, n: number) => {
  const p = parseDate(day);
  return p.ok ? formatDayNumber(p.dayNumber + n) : day;
};

export async function seedWorkforceDemo(db: Db, ctx: ModuleDemoContext): Promise<void> {
  const { district, now } = ctx;
  const area = findDivision(district)?.nameZh ?? '青浦区';
  // The shared PRNG for what was always seeded; the extra staff draw from their own (EXTRA_SEED) so that
  // adding them moved none of the other modules' demo rows.
  let rng = ctx.rng;
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const policy = workforcePolicy(district, today);
  const insts = await db
    .select({
      id: institutions.id,
      townCode: institutions.townCode,
      kind: institutions.kind,
      status: institutions.status,
    })
    .from(institutions)
    .where(and(eq(institutions.districtCode, district), inArray(institutions.status, [...STAFFED_STATUSES])))
    // In a fixed order: the rows draw from the shared seeded PRNG one by one (physical order would make
    // the demo depend on how the rows were last updated).
    .orderBy(asc(institutions.id));
  if (insts.length === 0) return;
  const classes = await db
    .select()
    .from(institutionClasses)
    .where(
      and(
        eq(institutionClasses.districtCode, district),
        inArray(
          institutionClasses.institutionId,
          insts.map((i) => i.id),
        ),
      ),
    )
    .orderBy(asc(institutionClasses.institutionId), asc(institutionClasses.id));

  const staffRows: (typeof staff.$inferInsert)[] = [];
  const empRows: (typeof employments.$inferInsert)[] = [];
  const assignRows: (typeof classAssignments.$inferInsert)[] = [];
  const certRows: (typeof certificates.$inferInsert)[] = [];
  const ms = now.getTime() - 400 * 86_400_000;
  let n = 0;

  const person = (inst: (typeof insts)[number], post: Post, classIds: string[]) => {
    n += 1;
    const female = post === 'security' ? rng.chance(0.1) : rng.chance(0.92);
    const idNumber = demoStaffId(n, female, district);
    const p = protect('citizen_id', idNumber);
    const id = rng.uuid(ms + n);
    const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
    staffRows.push({
      districtCode: district,
      id,
      fullName:
        rng.pick([...SURNAMES]) + rng.pick([...GIVEN]) + (rng.chance(0.5) ? rng.pick([...GIVEN]) : ''),
      idType: 'citizen_id',
      idNumber: p.sealed,
      idNumberBidx: p.index,
      passportNumber: null,
      passportNumberBidx: null,
      banHash: banHash('citizen_id', idNumber),
      birthDate,
      sex: female ? 'female' : 'male',
      nationality: null,
      mobile: sealValue('phone', `13${rng.int(5, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`),
      education:
        post === 'director' || post === 'teacher'
          ? rng.pick(['college_diploma', 'bachelor', 'bachelor', 'master_or_above'] as const)
          : rng.pick(['junior_high', 'senior_high', 'secondary_vocational', 'college_diploma'] as const),
      managementYears: post === 'director' ? rng.int(2, 15) : null,
      createdAt: now,
      updatedAt: now,
    });
    const empId = rng.uuid(ms + n);
    empRows.push({
      districtCode: district,
      id: empId,
      staffId: id,
      institutionId: inst.id,
      townCode: inst.townCode,
      post,
      care: CARE_POSTS.includes(post),
      startDate: addDays(today, -rng.int(60, 2000)),
      endDate: null,
      labourContract: rng.chance(0.95),
      socialInsurance: rng.chance(0.9),
      status: 'active',
      createdAt: now,
      updatedAt: now,
    });
    for (const classId of classIds)
      assignRows.push({
        districtCode: district,
        employmentId: empId,
        classId,
        institutionId: inst.id,
        createdAt: now,
      });
    // Certificates: a health certificate (yearly; some expired, some expiring within 30 days) and the post's.
    const r = rng.next();
    const healthExpires =
      r < 0.04
        ? addDays(today, -rng.int(5, 90))
        : r < 0.08
          ? addDays(today, rng.int(1, 30))
          : addDays(today, rng.int(31, 330));
    const cert = (type: CertificateType, issuedOn: string, expiresOn: string | null) =>
      certRows.push({
        districtCode: district,
        id: rng.uuid(ms + n),
        staffId: id,
        type,
        number: `QP${year}${String(n).padStart(5, '0')}${type.slice(0, 2).toUpperCase()}`,
        issuer:
          type === 'health'
            ? `${area}疾病预防控制中心`
            : type === 'teacher'
              ? '上海市教育委员会'
              : '上海市人力资源和社会保障局',
        issuedOn,
        expiresOn,
        fileId: null,
        createdAt: now,
      });
    cert('health', addDays(healthExpires, -365), healthExpires);
    const needed = (policy.postCertificates[post] ?? []).filter((g) => !g.includes('health'));
    for (const g of needed)
      if (!rng.chance(0.015)) cert(g[0] as CertificateType, addDays(today, -rng.int(200, 3000)), null);
  };

  for (const inst of insts) {
    const mine = classes.filter((c) => c.institutionId === inst.id).sort((a, b) => a.position - b.position);
    if (inst.kind !== 'family_point') person(inst, 'director', []);
    for (const [i, c] of mine.entries()) {
      const type = c.type as ClassType;
      // A few classes are one short (the demo institution's first class always, for the journey).
      const short = (inst.id === ctx.demoInstitutionId && i === 0) || rng.chance(0.06) ? 1 : 0;
      if (type === 'kindergarten_toddler') {
        for (let k = 0; k < 2; k++) person(inst, 'teacher', [c.id]);
        if (!short) person(inst, 'caregiver', [c.id]);
        continue;
      }
      const ratio =
        inst.kind === 'family_point'
          ? (policy.staffing.familyPointInfantsPerCaregiver ?? 3)
          : (policy.staffing.classRatios[type] ?? 7);
      const need =
        Math.max(1, Math.ceil(c.enrolled / ratio)) -
        short +
        (short || inst.kind === 'family_point' ? 0 : rng.int(0, 2));
      for (let k = 0; k < need; k++)
        person(
          inst,
          k === 0 && type !== 'infant'
            ? 'teacher'
            : rng.pick(['caregiver', 'caregiver', 'infant_carer'] as const),
          [c.id],
        );
    }
    if (inst.kind === 'family_point') continue;
    person(inst, 'health_worker', []);
    person(inst, 'cook', []);
    if (rng.chance(0.7)) person(inst, 'security', []);
    for (let k = rng.int(2, 4); k > 0; k--) person(inst, 'other', []);
  }

  // More of what a real roster holds (about 1,500 people over the district): a caregiver who floats
  // between two rooms (counted half in each), a second cook, support staff and relief caregivers.
  const mainCount = staffRows.length;
  const extraRng = new Rng(districtSeed(EXTRA_SEED, district));
  rng = extraRng;
  for (const inst of insts) {
    if (inst.kind === 'family_point') continue;
    const rooms = classes
      .filter((c) => c.institutionId === inst.id && c.type !== 'kindergarten_toddler')
      .sort((a, b) => a.position - b.position);
    // Not the first class: the journey's under-staffed class stays exactly one short.
    if (rooms.length >= 3 && rng.chance(0.6)) person(inst, 'caregiver', [rooms[1]!.id, rooms[2]!.id]);
    if (rng.chance(0.5)) person(inst, 'cook', []);
    // Support staff, and a relief caregiver (替班) on no class of her own.
    for (let k = rng.int(1, 3); k > 0; k--)
      person(inst, rng.pick(['other', 'other', 'security', 'caregiver'] as const), []);
  }
  rng = ctx.rng;

  await insertChunks(staffRows, (c) => db.insert(staff).values(c), 500);
  await insertChunks(empRows, (c) => db.insert(employments).values(c), 500);
  await insertChunks(assignRows, (c) => db.insert(classAssignments).values(c), 500);
  await insertChunks(certRows, (c) => db.insert(certificates).values(c), 500);

  // Training this year, up to today: district professional trainings (behind the 6 a year) and others.
  const month = Number(today.slice(5, 7));
  const events: (typeof trainingEvents.$inferInsert)[] = [];
  const cats: TrainingCategory[] = ['ethics', 'skills', 'safety', 'norms', 'mental_health'];
  const topics: Record<TrainingCategory, string> = {
    ethics: '师德师风',
    skills: '婴幼儿照护技能',
    safety: '安全防范与应急处置',
    norms: '托育服务规范',
    mental_health: '心理健康',
  };
  for (let m = 1; m <= month; m++) {
    // Each month one ethics session (4 h) and one skills session (7 h); every other month the skills one is district-level.
    for (const category of ['ethics', cats[1 + (m % 4)]!] as TrainingCategory[]) {
      const districtLevel = category !== 'ethics' && m % 2 === 0;
      const start = `${year}-${String(m).padStart(2, '0')}-${String(rng.int(5, 20)).padStart(2, '0')}`;
      if (start > today) continue;
      events.push({
        districtCode: district,
        id: rng.uuid(ms + m),
        title: `${districtLevel ? '区级专业培训' : '月度培训'}：${topics[category]}`,
        organiser: districtLevel ? `${area}托育服务指导中心` : `${area}早期教育指导中心`,
        category,
        startDate: start,
        endDate: start,
        hours: category === 'ethics' ? 4 : 7,
        districtLevel,
        institutionId: null,
        createdBy: null,
        createdAt: now,
      });
    }
  }
  if (events.length) await db.insert(trainingEvents).values(events);
  const att: (typeof trainingAttendance.$inferInsert)[] = [];
  for (const [i, s] of staffRows.entries()) {
    const r = i < mainCount ? rng : extraRng;
    const diligence = r.next(); // about a quarter attend too little and fall behind pace
    for (const e of events)
      if (r.next() < (diligence < 0.2 ? 0.5 : 0.97))
        att.push({ districtCode: district, eventId: e.id!, staffId: s.id!, hours: e.hours!, createdAt: now });
  }
  await insertChunks(att, (c) => db.insert(trainingAttendance).values(c), 500);

  // Two ban entries (a perpetrator and the direct manager named in the decision); no one employed matches.
  const perpetrator = demoStaffId(900_001, true, district);
  const manager = demoStaffId(900_002, false, district);
  const mainId = rng.uuid(ms);
  await db.insert(banEntries).values([
    {
      districtCode: district,
      id: mainId,
      banHash: banHash('citizen_id', perpetrator),
      fullName: '示例甲',
      role: 'perpetrator',
      relatedEntryId: null,
      reason: '在托育服务中虐待婴幼儿（示例数据）',
      decisionRef: '青卫健〔2025〕示例1号',
      decisionDate: addDays(today, -120),
      source: 'local',
      enteredBy: ctx.accounts.get('district') ?? null,
      enteredAt: now,
    },
    {
      districtCode: district,
      id: rng.uuid(ms + 1),
      banHash: banHash('citizen_id', manager),
      fullName: '示例乙',
      role: 'direct_manager',
      relatedEntryId: mainId,
      reason: '对虐待婴幼儿负有直接管理责任（示例数据）',
      decisionRef: '青卫健〔2025〕示例1号',
      decisionDate: addDays(today, -120),
      source: 'local',
      enteredBy: ctx.accounts.get('district') ?? null,
      enteredAt: now,
    },
  ]);
  await seedRecordsDemo(db, district, now, today, empRows);
  await seedRecordChecksDemo(db, district, now, empRows);

  // Planner statistics for the bulk rows just written: PGlite has no autovacuum, and with empty
  // statistics the compliance read joined staff by a nested loop over every row (~0.5 s a call).
  await db.execute(
    sql`analyze workforce_staff, workforce_employments, workforce_class_assignments, workforce_certificates, workforce_training_events, workforce_training_attendance, staff_record_checks, institutions, institution_classes`,
  );
}

/** The extra staff's own PRNG seed (see seedWorkforceDemo). */
const EXTRA_SEED = 0x5ea7ed;

/** The pre-hire record checks' own PRNG seed (issue 17), so the other demo rows stay as they were. */
const CHECKS_SEED = 0xc4ec5;

/**
 * The two clear pre-hire record checks (入职查询) of every demo employment: the sex-offence query and
 * the no-criminal-record certificate, dated 3–60 days before the start, synthetic reference numbers
 * (marked 示例), recorded for the employing institution (own seeded PRNG).
 */
async function seedRecordChecksDemo(
  db: Db,
  district: string,
  now: Date,
  empRows: (typeof employments.$inferInsert)[],
) {
  const rng = new Rng(districtSeed(CHECKS_SEED, district));
  const ms = now.getTime() - 300 * 86_400_000;
  const rows: (typeof recordChecks.$inferInsert)[] = [];
  let n = 0;
  for (const e of empRows)
    for (const kind of ['sex_offence_query', 'no_criminal_record'] as const) {
      n += 1;
      rows.push({
        districtCode: district,
        id: rng.uuid(ms + n),
        staffId: e.staffId,
        kind,
        result: 'clear',
        checkedOn: addDays(e.startDate, -rng.int(3, 60)),
        referenceNumber: `${kind === 'sex_offence_query' ? 'CX' : 'WF'}-示例-${String(n).padStart(6, '0')}`,
        fileId: null,
        institutionId: e.institutionId,
        recordedBy: null,
        recordedAt: now,
      });
    }
  await insertChunks(rows, (c) => db.insert(recordChecks).values(c), 500);
}

/** The records' own PRNG seed, so the other demo rows stay as they were. */
const RECORDS_SEED = 0x5ab51d1e;

/**
 * Assessments during work, skill assessments (this year's feed the training-fee subsidy list), and a few
 * rewards and penalties, on the demo staff (synthetic; own seeded PRNG).
 */
async function seedRecordsDemo(
  db: Db,
  district: string,
  now: Date,
  today: string,
  empRows: (typeof employments.$inferInsert)[],
) {
  const rng = new Rng(districtSeed(RECORDS_SEED, district));
  const ms = now.getTime() - 200 * 86_400_000;
  const year = today.slice(0, 4);
  const dayOfYear = (n: number) => {
    const d = addDays(`${year}-01-01`, n);
    return d > today ? today : d;
  };
  const elapsed = Math.max(
    0,
    Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000),
  );
  const rows: (typeof personRecords.$inferInsert)[] = [];
  let n = 0;
  const add = (e: (typeof empRows)[number], r: Partial<typeof personRecords.$inferInsert>) =>
    rows.push({
      districtCode: district,
      id: rng.uuid(ms + ++n),
      staffId: e.staffId,
      kind: 'process_assessment',
      recordDate: today,
      description: '',
      institutionId: e.institutionId,
      townCode: e.townCode,
      enteredBy: null,
      enteredAt: now,
      ...r,
    });
  for (const e of empRows) {
    if (rng.chance(0.6))
      add(e, {
        kind: 'process_assessment',
        recordDate: dayOfYear(rng.int(0, elapsed)),
        grade: rng.pick(['excellent', 'good', 'good', 'passed', 'passed', 'passed', 'failed'] as const),
        description: '年度过程考核（示例数据）',
      });
    if ((e.post === 'caregiver' || e.post === 'infant_carer') && rng.chance(0.25))
      add(e, {
        kind: 'skill_assessment',
        recordDate: dayOfYear(rng.int(0, elapsed)),
        skill: e.post,
        grade: rng.chance(0.85) ? 'passed' : 'failed',
        description:
          e.post === 'caregiver' ? '保育员职业技能鉴定（示例数据）' : '育婴员职业技能鉴定（示例数据）',
      });
    if (rng.chance(0.02))
      add(e, {
        kind: 'reward',
        recordDate: dayOfYear(rng.int(0, elapsed)),
        description: '优秀保育工作者（示例数据）',
        decisionRef: `青卫健〔${year}〕示例奖${n}号`,
      });
    else if (rng.chance(0.004))
      add(e, {
        kind: 'penalty',
        recordDate: dayOfYear(rng.int(0, elapsed)),
        description: '违反一日生活照护规范，予以警告（示例数据）',
        decisionRef: `青卫健〔${year}〕示例惩${n}号`,
      });
  }
  await insertChunks(rows, (c) => db.insert(personRecords).values(c), 500);
}
