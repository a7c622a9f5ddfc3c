/**
 * Demo items for the portal's 通知公告 / 政策文件 / 宣传引导: the policy documents the platform's rule
 * packs cite (titles and numbers as published; the summaries are written for the demo, not quoted),
 * two notices and two guidance texts written for the demo. One item stays a draft, one is withdrawn,
 * so every state shows in the console. Fixed content, no random draw.
 */
import { findDivision, QINGPU } from '../../../domain/divisions.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { ModuleDemoContext } from '../demo.ts';
import { planNews } from './news-tables.ts';

type Kind = (typeof planNews.$inferInsert)['kind'];
type Status = (typeof planNews.$inferInsert)['status'];

const ITEMS: {
  kind: Kind;
  status: Status;
  daysAgo: number;
  title: string;
  source: string | null;
  body: string;
  /** A document of one district only (the others' demos leave it out). */
  district?: string;
}[] = [
  {
    kind: 'policy',
    status: 'published',
    daysAgo: 400,
    title: '青浦区托育服务三年行动计划（2021—2023年）',
    source: '青府办发〔2021〕35号',
    district: QINGPU,
    body: '区政府办公室印发的托育服务三年行动计划，明确了托育服务供给、综合监管、队伍建设、质量评价、家庭科学育儿指导和经费保障等方面的目标与任务。\n本平台按该计划的目标计算各项完成情况，见“行动计划完成情况”。计划期已于 2023 年结束，接续计划发布前，平台沿用计划期的目标并作说明。',
  },
  {
    kind: 'policy',
    status: 'published',
    daysAgo: 380,
    title: '国务院办公厅关于促进3岁以下婴幼儿照护服务发展的指导意见',
    source: '国办发〔2019〕15号',
    body: '国家层面关于发展 3 岁以下婴幼儿照护服务的指导意见，提出家庭为主、托育补充，政策引导、普惠优先，安全健康、科学规范，属地管理、分类指导的原则。',
  },
  {
    kind: 'notice',
    status: 'published',
    daysAgo: 20,
    title: '关于做好本年度托育机构“双随机”抽查工作的通知（演示）',
    source: '青浦区托育服务指导中心',
    body: '各街镇、各托育机构：\n本年度继续按月开展“双随机”抽查，抽取结果和检查人员分配在本门户“双随机抽查公示”中公开，任何人均可复核。\n请各机构按检查表模板做好每月自查。\n（本条为演示数据）',
  },
  {
    kind: 'notice',
    status: 'withdrawn',
    daysAgo: 60,
    title: '关于托育从业人员培训报名的通知（已撤回，演示）',
    source: '青浦区托育服务指导中心',
    body: '本通知已撤回，培训安排以新的通知为准。\n（本条为演示数据）',
  },
  {
    kind: 'guidance',
    status: 'published',
    daysAgo: 10,
    title: '科学育儿：婴幼儿安全睡眠（演示）',
    source: '家庭科学育儿指导站',
    body: '让婴儿仰卧睡在自己的小床上，床面平整、不放枕头和毛绒玩具；室温适宜，不要包裹过紧。\n如有疑问，可报名所在街镇家庭科学育儿指导站的线下指导活动。\n（本条为演示数据）',
  },
  {
    kind: 'guidance',
    status: 'draft',
    daysAgo: 1,
    title: '隔代养育：祖辈带娃的几点建议（草稿，演示）',
    source: null,
    body: '草稿：待审定后发布。\n（本条为演示数据）',
  },
];

export async function seedNewsDemo(
  db: Db,
  ctx: Pick<ModuleDemoContext, 'district' | 'now' | 'accounts'>,
): Promise<void> {
  const officer = ctx.accounts.get('district') ?? null;
  // The district's own name in the notices (青浦区 for the demo district).
  const area = findDivision(ctx.district)?.nameZh ?? '青浦区';
  const own = (text: string) => text.replaceAll('青浦区', area);
  await db.insert(planNews).values(
    ITEMS.filter((it) => (it.district ?? ctx.district) === ctx.district).map((it) => {
      const at = new Date(ctx.now.getTime() - it.daysAgo * 86_400_000);
      return {
        districtCode: ctx.district,
        id: uuidv7(at.getTime()),
        kind: it.kind,
        title: own(it.title),
        body: own(it.body),
        source: it.source && own(it.source),
        status: it.status,
        publishedAt: it.status === 'draft' ? null : at,
        createdBy: officer,
        createdAt: at,
        updatedAt: at,
      };
    }),
  );
}
