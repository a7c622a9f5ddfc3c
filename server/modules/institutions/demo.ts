/**
 * Demo registry: 10 institutions in each of the district's 11 towns (110), deterministic (Rng),
 * synthetic names, addresses, directors and phones; valid GB 32100 credit codes; coordinates within
 * ≈ 2 km of the town centre; classes within the caps; every lifecycle state, with history rows.
 * The demo `institution` account runs 青浦区朱家角镇小海豚托育园: a draft with valid classes, ready to
 * submit (journey: submit → the district approves → it shows in the public search).
 */
import type {
  ClassInputBody,
  InstitutionKind,
  InstitutionStatus,
  ServiceForm,
  TransitionAction,
} from '../../../domain/contracts/institution.ts';
import { findDivision, QINGPU, townsOf } from '../../../domain/divisions.ts';
import { classAgeMonths } from '../../../domain/institutions/class-ages.ts';
import { classAgeRange } from '../../../domain/institutions/validate.ts';
import { citizenIdCheckChar } from '../../../domain/rules/ids.ts';
import { pinyinSortKey } from '../../../domain/rules/pinyin.ts';
import type { Db } from '../../db/client.ts';
import { Rng } from '../../demo/rng.ts';
import { creditCodeFor } from './factories.ts';
import { type DemoFeeSource, seedDemoFeeLists } from './fee-list-demo.ts';
import { policyOn } from './policy.ts';
import { personalColumns } from './profile.ts';
import { institutionClasses, institutionStatusHistory, institutions } from './tables.ts';

const BRANDS = [
  '小海豚',
  '小太阳',
  '彩虹',
  '启明星',
  '贝贝乐',
  '童之梦',
  '小橡树',
  '爱弥儿',
  '小蜜蜂',
  '七色花',
  '布谷鸟',
  '金苹果',
];
const COMMUNITIES = ['东方', '新城', '湖滨', '青龙', '华庆', '尚美', '清河', '佳兴', '万寿', '复兴'];
const ROADS = [
  '漕盈路',
  '城中北路',
  '盈港路',
  '公园路',
  '崧泽大道',
  '华青路',
  '沪青平公路',
  '淀湖路',
  '珠溪路',
  '新胜路',
  '章练塘路',
  '诸光路',
  '徐乐路',
  '华新路',
  '外青松公路',
  '赵重公路',
  '鹤吉路',
  '青赵公路',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '朱', '沈', '陆'];
const GIVEN = ['晓燕', '丽娟', '静', '敏', '雪梅', '海燕', '文娟', '春梅', '琳', '佳怡', '慧', '婷'];
/** Per town: 4 childcare institutions, 3 kindergartens, 2 community points, 1 family point. */
const KINDS: InstitutionKind[] = [
  'childcare_institution',
  'childcare_institution',
  'kindergarten',
  'community_point',
  'childcare_institution',
  'kindergarten',
  'family_point',
  'childcare_institution',
  'kindergarten',
  'community_point',
];
/** The path from draft to each state; the demo's states by index (mostly operating). */
const PATH: Record<InstitutionStatus, TransitionAction[]> = {
  draft: [],
  submitted: ['submit'],
  filed: ['submit', 'approve'],
  operating: ['submit', 'approve', 'start_operating'],
  rectifying: ['submit', 'approve', 'start_operating', 'rectify'],
  suspended: ['submit', 'approve', 'start_operating', 'rectify', 'suspend'],
  closed: ['submit', 'approve', 'start_operating', 'suspend', 'close'],
};
const STEP: Record<string, InstitutionStatus> = {
  submit: 'submitted',
  approve: 'filed',
  start_operating: 'operating',
  rectify: 'rectifying',
  suspend: 'suspended',
  close: 'closed',
};
const REASONS: Record<string, string> = {
  rectify: '双随机检查发现消防通道堆放杂物，限期整改',
  suspend: '举办者申请暂停办托',
  close: '举办者申请注销，在托幼儿已妥善安置',
};
const DAY = 86_400_000;

function statusFor(i: number): InstitutionStatus {
  if (i % 23 === 4) return 'submitted';
  if (i % 19 === 8) return 'filed';
  if (i % 29 === 12) return 'rectifying';
  if (i % 41 === 17) return 'suspended';
  if (i % 53 === 27) return 'closed';
  if (i % 31 === 21) return 'draft';
  return 'operating';
}

function classesFor(kind: InstitutionKind, rng: Rng, withToddlers: boolean): ClassInputBody[] {
  const cls = (
    name: string,
    type: ClassInputBody['type'],
    cap: number,
    minAgeMonths?: number,
  ): ClassInputBody => {
    const capacity = rng.int(Math.ceil(cap * 0.6), cap);
    return {
      name,
      type,
      capacity,
      enrolled: rng.int(Math.floor(capacity * 0.5), capacity),
      ...(minAgeMonths ? { minAgeMonths } : {}),
    };
  };
  if (kind === 'kindergarten')
    return withToddlers
      ? Array.from({ length: rng.int(1, 2) }, (_, k) => cls(`托班${k + 1}`, 'kindergarten_toddler', 20))
      : [];
  if (kind === 'family_point')
    return [{ name: '混龄组', type: 'mixed', capacity: 5, enrolled: rng.int(2, 5), minAgeMonths: 18 }];
  if (kind === 'community_point')
    return [cls('混龄班', 'mixed', 18, rng.pick([18, 20, 24])), cls('托大班', 'toddler_large', 20)];
  const out = [
    cls('托小班', 'toddler_small', 15),
    cls('托大班一班', 'toddler_large', 20),
    cls('托大班二班', 'toddler_large', 20),
  ];
  if (rng.chance(0.5)) out.unshift(cls('乳儿班', 'infant', 10));
  return out;
}

/**
 * The demo's chains: a private 托育园 of one brand in any town belongs to that brand's (synthetic)
 * operating company, so quality rounds meet real same-operator conflicts. No random draw: the demo's
 * shared sequence stays as it was.
 */
function operatorOf(kind: InstitutionKind, name: string, demo: boolean) {
  const brand = BRANDS.findIndex((b) => name.includes(b));
  if (demo || kind !== 'childcare_institution' || brand < 0) return {};
  return {
    operatorName: `上海${BRANDS[brand]}托育管理有限公司（示例）`,
    operatorCreditCode: creditCodeFor(80_000_000 + brand * 7919, { prefix: '91' }),
  };
}

export async function seedInstitutionsDemo(
  db: Db,
  opts: {
    district: string;
    rng: Rng;
    now: Date /** Extra copies (benchmarks): distinct codes, no demo draft. */;
    copy?: number;
    /** Only the district's first `towns` towns (the smaller demo of a second district); all by default. */
    towns?: number;
  },
): Promise<{ demoInstitutionId: string }> {
  const { district, rng, now } = opts;
  const copy = opts.copy ?? 0;
  const values = policyOn(district, now);
  const rows: (typeof institutions.$inferInsert)[] = [];
  const classRows: (typeof institutionClasses.$inferInsert)[] = [];
  const history: (typeof institutionStatusHistory.$inferInsert)[] = [];
  let demoInstitutionId = '';
  const used = new Set<string>();
  let i = 0;
  // The district's name in names and addresses (青浦区 for the demo district, 松江区 for the second one).
  const area = findDivision(district)?.nameZh ?? '青浦区';
  for (const town of townsOf(district).slice(0, opts.towns)) {
    const short = town.nameZh.replace(/(镇|街道)$/, '');
    for (let k = 0; k < KINDS.length; k++, i++) {
      const kind = KINDS[k]!;
      const demo = copy === 0 && town.code === `${district}102` && k === 0;
      const status: InstitutionStatus = demo ? 'draft' : statusFor(i);
      const kgIndex = KINDS.slice(0, k).filter((x) => x === 'kindergarten').length;
      const publicOwned = kind === 'kindergarten' ? kgIndex < 2 : kind === 'community_point';
      // Names are unique within the district: on a clash take the next brand, community or road.
      const name = uniqueName(used, (n) =>
        demo
          ? `${area}${town.nameZh}小海豚托育园`
          : kind === 'kindergarten'
            ? publicOwned
              ? `${area}${short}${['', '第二', '第三', '第四'][kgIndex + n] ?? `第${kgIndex + n + 1}`}幼儿园`
              : `${area}${short}${BRANDS[(i + 3 + n) % BRANDS.length]}幼儿园`
            : kind === 'community_point'
              ? `${area}${town.nameZh}${COMMUNITIES[(i + k + n) % COMMUNITIES.length]}社区托育点`
              : kind === 'family_point'
                ? `${area}${town.nameZh}${ROADS[(i + n) % ROADS.length]!.replace(/(路|大道|公路)$/, '')}家庭托育点`
                : `${area}${town.nameZh}${BRANDS[(i * 7 + k + n) % BRANDS.length]}托育园`,
      );
      const classes = classesFor(kind, rng, kind !== 'kindergarten' || kgIndex === 0 || rng.chance(0.5));
      const inclusive = publicOwned || rng.chance(0.5);
      const forms: ServiceForm[] =
        kind === 'kindergarten'
          ? classes.length
            ? ['full_day']
            : []
          : kind === 'family_point'
            ? ['full_day', 'hourly']
            : rng.pick([
                ['full_day'],
                ['full_day', 'hourly'],
                ['full_day', 'half_day', 'hourly'],
              ] as ServiceForm[][]);
      const monthly = (inclusive ? rng.int(25, 38) : rng.int(45, 90)) * 10_000;
      const id = rng.uuid(now.getTime() - (2000 - i) * DAY);
      if (demo) demoInstitutionId = id;
      const steps = PATH[status];
      const created = new Date(now.getTime() - rng.int(420, 1500) * DAY);
      let at = created;
      history.push({
        districtCode: district,
        id: rng.uuid(at.getTime()),
        institutionId: id,
        action: 'create',
        fromStatus: null,
        toStatus: 'draft',
        // Seeded before any account exists: no actor, so the console shows 操作人：系统 (not a raw username).
        actorUsername: null,
        at,
      });
      let from: InstitutionStatus = 'draft';
      let submittedAt: Date | null = null;
      let filedAt: Date | null = null;
      steps.forEach((action, n) => {
        at =
          status === 'submitted'
            ? new Date(now.getTime() - rng.int(1, 12) * DAY)
            : new Date(at.getTime() + rng.int(3, n === 0 ? 60 : 200) * DAY);
        if (action === 'submit') submittedAt = at;
        if (action === 'approve') filedAt = at;
        const to = STEP[action]!;
        history.push({
          districtCode: district,
          id: rng.uuid(at.getTime()),
          institutionId: id,
          action,
          fromStatus: from,
          toStatus: to,
          reason: REASONS[action] ?? null,
          actorUsername: null,
          at,
        });
        from = to;
      });
      rows.push({
        districtCode: district,
        id,
        name,
        namePinyin: pinyinSortKey(name),
        creditCode: creditCodeFor(30_000_000 + copy * 1_000_000 + i * 7919, {
          prefix: publicOwned ? '12' : kind === 'childcare_institution' ? '91' : '52',
        }),
        kind,
        ownership: publicOwned ? 'public' : 'private',
        inclusive,
        serviceForms: forms,
        address: `${area}${town.nameZh}${ROADS[(i * 5 + k) % ROADS.length]}${rng.int(1, 1200)}号`,
        townCode: town.code,
        lat: Math.round((town.lat + (rng.next() * 2 - 1) * 0.015) * 1e6) / 1e6,
        lng: Math.round((town.lng + (rng.next() * 2 - 1) * 0.018) * 1e6) / 1e6,
        publicPhone: `021-${rng.int(5920, 5999)}${rng.int(1000, 9999)}`,
        openingHours: forms.includes('hourly') ? '周一至周六 7:30-18:00' : '周一至周五 7:30-17:00',
        feeFullDayFen: forms.includes('full_day') ? monthly : null,
        feeHalfDayFen: forms.includes('half_day') ? Math.round(monthly * 0.6) : null,
        feeHourlyFen: forms.includes('hourly') ? rng.int(4, 8) * 1000 : null,
        mealsProvided: kind !== 'family_point' || rng.chance(0.5),
        directorName: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`,
        ...operatorOf(kind, name, demo),
        ...personalColumns(demoDirectorId(copy * 1000 + i, district), demoDirectorMobile(copy * 1000 + i)),
        status,
        seats: classes.reduce((s, c) => s + c.capacity, 0),
        enrolled: classes.reduce((s, c) => s + c.enrolled, 0),
        toddlerClasses: classes.filter((c) => c.type === 'kindergarten_toddler').length,
        classAges: classAgeMonths(classes.map((c) => classAgeRange(c, values))),
        submittedAt,
        filedAt,
        createdAt: created,
        updatedAt: at,
      });
      classes.forEach((c, position) => {
        classRows.push({
          districtCode: district,
          id: rng.uuid(created.getTime()),
          institutionId: id,
          position,
          ...c,
          ...classAgeRange(c, values),
          createdAt: created,
        });
      });
    }
  }
  await db.insert(institutions).values(rows);
  await db.insert(institutionClasses).values(classRows);
  await db.insert(institutionStatusHistory).values(history);
  // Its own seeded Rng, so the draws of the modules seeded after the registry stay as they were.
  await seedDemoFeeLists(db, rows as DemoFeeSource[], new Rng(0xfee5 + copy), now);
  return { demoInstitutionId };
}

/**
 * A synthetic director's citizen ID number for demo row n: the district's address code (Qingpu's by default), a birth date and
 * sequence derived from n (distinct for n < 10 000 000), a valid GB 11643 check character. Only ever
 * stored encrypted (personal-data.ts); never printed.
 */
export function demoDirectorId(n: number, district: string = QINGPU): string {
  const m = Math.floor(n / 1000);
  const year = 1970 + ((m + n) % 30);
  const month = 1 + (Math.floor(m / 30) % 12);
  const day = 1 + ((Math.floor(m / 360) + n) % 28);
  const first17 = `${district}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return `${first17}${citizenIdCheckChar(first17)}`;
}

/** A synthetic 11-digit mobile number for demo row n (stored encrypted). */
export function demoDirectorMobile(n: number): string {
  return `1${'3456789'[n % 7]}${String((n * 7_654_321 + 12_345) % 1_000_000_000).padStart(9, '0')}`;
}

/** The first name `make(0)`, `make(1)`, … not yet used; records it as used. */
function uniqueName(used: Set<string>, make: (n: number) => string): string {
  for (let n = 0; n < 1000; n++) {
    const name = make(n);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error('demo: ran out of names');
}
