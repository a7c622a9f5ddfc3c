/**
 * Demo guardians' requests (synthetic, own seeded Rng so the other demos keep their draws): a dozen
 * correction and deletion requests from demo families over the last two months — some waiting (one
 * past its 15-working-day deadline), some done, some rejected with a reason — so the console page
 * 更正删除申请 is alive. Deletions are left waiting: completing one anonymises a family, which the
 * demo leaves to the officer. Due dates come from the district calendar like the service's.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { FamilyRequestField } from '../../../domain/contracts/families.ts';
import type { Db } from '../../db/client.ts';
import { districtSeed, Rng } from '../../demo/rng.ts';
import { localDate } from '../../platform/clock.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { demoFamilyRank, inDemoOrder } from './demo-order.ts';
import { requestDueOn } from './rights.ts';
import { families, familyGuardians, familyRequests } from './tables.ts';

const SEED = 20_261_215;
const DAY = 86_400_000;

const CORRECTIONS: [FamilyRequestField, string][] = [
  ['address', '家庭住址已变更，请更正为新住址（小区名与门牌号）'],
  ['mobile', '监护人手机号码已更换，请更新'],
  ['child_name', '孩子姓名登记有误字，请按户口本更正'],
  ['birth_date', '出生日期与出生医学证明不一致，请核对'],
  ['guardian_name', '监护人姓名少写一字'],
];

export async function seedRightsDemo(db: Db, ctx: Pick<ModuleDemoContext, 'district' | 'now' | 'accounts'>) {
  const rng = new Rng(districtSeed(SEED, ctx.district));
  const { district, now } = ctx;
  const officer = ctx.accounts.get('district');
  const all = await db
    .select({
      familyId: families.id,
      townCode: families.townCode,
      guardianId: familyGuardians.id,
      position: familyGuardians.position,
    })
    .from(families)
    .innerJoin(
      familyGuardians,
      and(eq(familyGuardians.districtCode, families.districtCode), eq(familyGuardians.familyId, families.id)),
    )
    .where(and(eq(families.districtCode, district), isNull(families.anonymisedAt)));
  const rows = inDemoOrder(all, await demoFamilyRank(db, district), (a, b) => a.position - b.position).slice(
    0,
    400,
  );
  if (rows.length === 0 || !officer) return;
  const cal = await getWorkCalendar(db, district);
  const values: (typeof familyRequests.$inferInsert)[] = [];
  const used = new Set<string>();
  for (let i = 0; i < 12; i++) {
    const r = rows[rng.int(0, rows.length - 1)]!;
    if (used.has(r.familyId)) continue;
    used.add(r.familyId);
    const ageDays = i === 0 ? 40 : rng.int(1, 60);
    const submittedAt = new Date(now.getTime() - ageDays * DAY);
    const submittedOn = localDate(submittedAt);
    const deletion = i % 6 === 5;
    const [field, detail] = CORRECTIONS[i % CORRECTIONS.length]!;
    // Older corrections are mostly handled; recent ones and every deletion wait.
    const status = deletion || ageDays < 10 || i === 0 ? 'submitted' : rng.chance(0.7) ? 'done' : 'rejected';
    const handledAt = status === 'submitted' ? null : new Date(submittedAt.getTime() + rng.int(1, 9) * DAY);
    values.push({
      districtCode: district,
      id: rng.uuid(submittedAt.getTime()),
      familyId: r.familyId,
      townCode: r.townCode,
      guardianId: r.guardianId,
      // The family's parent account (demo families other than the demo parent's have none: a synthetic id).
      requestedBy: rng.uuid(submittedAt.getTime()),
      kind: deletion ? 'deletion' : 'correction',
      field: deletion ? null : field,
      detail: deletion ? '孩子已满 3 周岁并离开本区，申请删除家庭信息' : detail,
      status,
      submittedOn,
      dueOn: requestDueOn(submittedOn, cal),
      resolution:
        status === 'done' ? '已核对并更正' : status === 'rejected' ? '与出生登记原件一致，无需更正' : null,
      handledBy: status === 'submitted' ? null : officer,
      handledAt,
      createdAt: submittedAt,
      updatedAt: handledAt ?? submittedAt,
    });
  }
  await db.insert(familyRequests).values(values).onConflictDoNothing();
}
