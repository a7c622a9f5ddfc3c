/**
 * Demo fee lists (收费公示): most inclusive institutions that are filed or operating publish one built from
 * their registered fees (care per service form, meals, an optional 代办费); every seventh publishes none and
 * every eleventh shows a care fee that differs from its registered fee, so the flag has something to show.
 * Amounts are the registry's synthetic fees; the basis is marked as demo text. Bulk inserts, no service calls.
 */
import type { FeeItemInput } from '../../../domain/contracts/fee-list.ts';
import type { ServiceForm } from '../../../domain/contracts/institution-enums.ts';
import type { Db } from '../../db/client.ts';
import type { Rng } from '../../demo/rng.ts';
import { institutionFeeItems, institutionFeeLists } from './fee-list-tables.ts';

const DAY = 86_400_000;
const FORM_NAME: Record<ServiceForm, string> = { full_day: '全日制', half_day: '半日制', hourly: '计时制' };

export interface DemoFeeSource {
  districtCode: string;
  id: string;
  inclusive: boolean;
  status: string;
  serviceForms: ServiceForm[];
  feeFullDayFen: number | null;
  feeHalfDayFen: number | null;
  feeHourlyFen: number | null;
  mealsProvided: boolean;
}

function itemsOf(r: DemoFeeSource, rng: Rng, skew: boolean): FeeItemInput[] {
  const items: FeeItemInput[] = [];
  const care = (form: ServiceForm, fen: number | null, unit: 'month' | 'hour') => {
    if (fen === null || !r.serviceForms.includes(form)) return;
    const amountFen = skew && items.length === 0 ? fen - 20_000 : fen;
    items.push({
      kind: 'care',
      name: `保育费（${FORM_NAME[form]}）`,
      amountFen,
      unit,
      serviceForm: form,
      optional: false,
    });
  };
  care('full_day', r.feeFullDayFen, 'month');
  care('half_day', r.feeHalfDayFen, 'month');
  care('hourly', r.feeHourlyFen, 'hour');
  if (r.mealsProvided)
    items.push({
      kind: 'meals',
      name: '伙食费',
      amountFen: rng.int(16, 25) * 100,
      unit: 'day',
      serviceForm: null,
      optional: false,
    });
  if (rng.chance(0.6))
    items.push({
      kind: 'other',
      name: '代办费（床上用品）',
      amountFen: rng.int(2, 4) * 10_000,
      unit: 'once',
      serviceForm: null,
      optional: true,
    });
  return items;
}

export async function seedDemoFeeLists(db: Db, rows: DemoFeeSource[], rng: Rng, now: Date): Promise<void> {
  const lists: (typeof institutionFeeLists.$inferInsert)[] = [];
  const items: (typeof institutionFeeItems.$inferInsert)[] = [];
  let n = 0;
  for (const r of rows) {
    if (!r.inclusive || (r.status !== 'filed' && r.status !== 'operating')) continue;
    n += 1;
    if (n % 7 === 0) continue;
    const publishedAt = new Date(now.getTime() - rng.int(20, 200) * DAY);
    const effectiveFrom = new Date(publishedAt.getTime() + 7 * DAY).toISOString().slice(0, 10);
    const listItems = itemsOf(r, rng, n % 11 === 0);
    if (!listItems.some((i) => i.kind === 'care')) continue;
    const id = rng.uuid(publishedAt.getTime());
    lists.push({
      districtCode: r.districtCode,
      id,
      institutionId: r.id,
      state: 'published',
      effectiveFrom,
      basis: '普惠托育价格经区主管部门核定（演示数据）',
      serviceContent: '工作日 7:30–17:30 保育照护，含两餐一点及户外活动（演示数据）',
      refundRule: '连续请假满 5 个工作日按日退还伙食费；退托提前一个月告知，按实际在托天数结算（演示数据）',
      publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    });
    listItems.forEach((item, position) => {
      items.push({
        districtCode: r.districtCode,
        id: rng.uuid(publishedAt.getTime()),
        feeListId: id,
        position,
        ...item,
      });
    });
  }
  if (lists.length) await db.insert(institutionFeeLists).values(lists);
  if (items.length) await db.insert(institutionFeeItems).values(items);
}
