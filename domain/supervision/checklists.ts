/**
 * Inspection checklists (issue 10): the categories, severities, the sample template set every district
 * starts from, scoring, and the rectification deadline by severity. Pure; shared by server and web.
 */
import type {
  ChecklistCategory,
  ChecklistItem,
  ItemResult,
  Severity,
} from '../contracts/supervision-inspections.ts';

/**
 * Rectification deadline (calendar days from the inspection's sign-off) by severity.
 * Citation: local implementing rule (地方实施细则) of 国办发〔2015〕58号 双随机一公开 for childcare
 * supervision — the national text sets no deadline; these values are the district's own rule.
 */
export const RECTIFICATION_DEADLINE_DAYS: Readonly<Record<Severity, number>> = {
  minor: 30,
  major: 15,
  serious: 7,
};
export const RECTIFICATION_DEADLINE_CITATION =
  '地方实施细则（国办发〔2015〕58号 双随机一公开 的本区实施规则；国家文件未规定整改期限） / local implementing rule';

/** Points an item carries in the score, by severity. */
export const SEVERITY_POINTS: Readonly<Record<Severity, number>> = { minor: 2, major: 5, serious: 10 };

/** The deadline (YYYY-MM-DD) of a finding found on `date` (YYYY-MM-DD). */
export function rectificationDeadline(date: string, severity: Severity): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + RECTIFICATION_DEADLINE_DAYS[severity]);
  return d.toISOString().slice(0, 10);
}

/** Score 0–100: the share of item points passed (items without a result count as not passed). */
export function checklistScore(items: readonly ChecklistItem[], results: readonly ItemResult[]): number {
  const total = items.reduce((s, i) => s + i.points, 0);
  if (total === 0) return 100;
  const passed = new Set(results.filter((r) => r.outcome === 'pass').map((r) => r.itemCode));
  const got = items.filter((i) => passed.has(i.code)).reduce((s, i) => s + i.points, 0);
  return Math.round((100 * got) / total);
}

/** The problems of a result set against the items: unknown items, duplicates, a finding without a note. */
export function resultProblems(
  items: readonly ChecklistItem[],
  results: readonly ItemResult[],
): { itemCode: string; rule: 'unknown_item' | 'duplicate' | 'note_required' }[] {
  const codes = new Set(items.map((i) => i.code));
  const seen = new Set<string>();
  const out: { itemCode: string; rule: 'unknown_item' | 'duplicate' | 'note_required' }[] = [];
  for (const r of results) {
    if (!codes.has(r.itemCode)) out.push({ itemCode: r.itemCode, rule: 'unknown_item' });
    else if (seen.has(r.itemCode)) out.push({ itemCode: r.itemCode, rule: 'duplicate' });
    else if (r.outcome === 'finding' && !r.note?.trim())
      out.push({ itemCode: r.itemCode, rule: 'note_required' });
    seen.add(r.itemCode);
  }
  return out;
}

const item = (code: string, severity: Severity, zh: string, en: string): ChecklistItem => ({
  code,
  severity,
  points: SEVERITY_POINTS[severity],
  zh,
  en,
});

/** The sample template set (version 1 of every category for a fresh district). */
export const SAMPLE_CHECKLISTS: Readonly<Record<ChecklistCategory, readonly ChecklistItem[]>> = {
  safety: [
    item(
      'safety-01',
      'serious',
      '出入口实行门禁管理，来访人员登记',
      'Entrances controlled; visitors registered',
    ),
    item('safety-02', 'major', '婴幼儿接送实行实名交接', 'Children handed over to named carers only'),
    item('safety-03', 'major', '视频监控覆盖主要活动区域且正常运行', 'Cameras cover main areas and work'),
    item('safety-04', 'minor', '室内外设施无尖角、防夹手、防跌落', 'No sharp edges, pinch or fall hazards'),
  ],
  health: [
    item('health-01', 'serious', '婴幼儿入托前健康检查资料齐全', 'Pre-admission health checks on file'),
    item(
      'health-02',
      'major',
      '每日晨午检及全日健康观察有记录',
      'Daily morning checks and observation recorded',
    ),
    item(
      'health-03',
      'major',
      '传染病登记报告与消毒记录完整',
      'Infectious disease reports and disinfection logs',
    ),
    item('health-04', 'minor', '配备符合要求的保健室或卫生室', 'A health room as required'),
  ],
  fire: [
    item('fire-01', 'serious', '疏散通道、安全出口畅通', 'Escape routes and exits clear'),
    item(
      'fire-02',
      'major',
      '灭火器、应急照明、疏散指示完好有效',
      'Extinguishers, emergency lights and signs work',
    ),
    item('fire-03', 'minor', '每月开展防火检查并记录', 'Monthly fire checks recorded'),
  ],
  food: [
    item('food-01', 'serious', '持有效食品经营许可或按规定备案', 'Valid food licence or filing'),
    item('food-02', 'major', '食品留样 48 小时、每样不少于 125 克', 'Food samples kept 48 h, ≥ 125 g each'),
    item('food-03', 'major', '从业人员持健康证明上岗', 'Food staff hold health certificates'),
    item('food-04', 'minor', '带量食谱每周公示', 'Weekly menu with quantities published'),
  ],
  fees: [
    item('fees-01', 'major', '收费项目和标准公示', 'Fee items and rates published'),
    item('fees-02', 'major', '无超标准、超范围收费', 'No charges beyond the published rates'),
    item('fees-03', 'minor', '退费规则明确并执行', 'Refund rules stated and followed'),
  ],
  staff: [
    item('staff-01', 'serious', '从业人员无违法犯罪记录（入职查询）', 'Staff screened for criminal records'),
    item('staff-02', 'major', '保育人员与婴幼儿比例符合标准', 'Carer-to-child ratios meet the standard'),
    item('staff-03', 'minor', '从业人员按规定参加培训', 'Staff trained as required'),
  ],
  emergency: [
    item(
      'emergency-01',
      'major',
      '制定突发事件应急预案（公共卫生、火灾、急病）',
      'Emergency plans (public health, fire, illness)',
    ),
    item(
      'emergency-02',
      'major',
      '每季度至少开展一次应急演练并记录',
      'At least one drill a quarter, recorded',
    ),
    item(
      'emergency-03',
      'minor',
      '配备急救药箱，保育人员掌握急救技能',
      'First-aid kit; carers trained in first aid',
    ),
  ],
};
