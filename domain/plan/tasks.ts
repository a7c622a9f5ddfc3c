/**
 * The plan's annex (附件：任务分工方案, 青府办发〔2021〕35号): 9 projects and 21 tasks, each with its lead
 * (牵头) and cooperating (配合) units, as the seed lists them (qingpu-childcare-action-plan-2021-2023.txt
 * lines 318–573). Pure data and the quarterly reporting rules (issue 13 "Responsibilities").
 *
 * Reporting (a platform choice, in docs/RULES.md): every unit named on a task, lead or cooperating,
 * reports each quarter on it; a quarter's report is due on the 10th day after the quarter ends
 * (Q1 → 10 April); a report not in by then is overdue. The annex's tasks run with the plan; after 2023
 * the district keeps reporting on them until a successor plan replaces the annex — the page says so.
 */

export const UNITS = [
  'edu',
  'health',
  'ndrc',
  'planning',
  'finance',
  'civil',
  'market',
  'hrss',
  'construction',
  'housing',
  'police',
  'fire',
  'union',
  'women',
  'women_children',
  'youth',
  'tax',
  'medical_insurance',
] as const;
export type Unit = (typeof UNITS)[number];

export const UNIT_LABELS: Record<Unit, { zh: string; en: string }> = {
  edu: { zh: '区教育局', en: 'District Education Bureau' },
  health: { zh: '区卫健委', en: 'District Health Commission' },
  ndrc: { zh: '区发改委', en: 'District Development and Reform Commission' },
  planning: { zh: '区规划资源局', en: 'District Planning and Natural Resources Bureau' },
  finance: { zh: '区财政局', en: 'District Finance Bureau' },
  civil: { zh: '区民政局', en: 'District Civil Affairs Bureau' },
  market: { zh: '区市场监管局', en: 'District Market Regulation Bureau' },
  hrss: { zh: '区人社局', en: 'District Human Resources and Social Security Bureau' },
  construction: { zh: '区建管委', en: 'District Construction Commission' },
  housing: { zh: '区房管局', en: 'District Housing Bureau' },
  police: { zh: '公安分局', en: 'Public Security Sub-bureau' },
  fire: { zh: '区消防救援支队', en: 'District Fire and Rescue Detachment' },
  union: { zh: '区总工会', en: 'District Federation of Trade Unions' },
  women: { zh: '区妇联', en: "District Women's Federation" },
  women_children: { zh: '区妇儿工委', en: "District Women and Children's Working Committee" },
  youth: { zh: '团区委', en: 'District Youth League Committee' },
  tax: { zh: '区税务局', en: 'District Taxation Bureau' },
  medical_insurance: { zh: '区医保局', en: 'District Medical Insurance Bureau' },
};

export interface PlanProject {
  code: string;
  zh: string;
  en: string;
}
export interface PlanTask {
  code: string;
  project: string;
  zh: string;
  lead: readonly Unit[];
  cooperating: readonly Unit[];
}

export const PROJECTS: readonly PlanProject[] = [
  { code: 'P1', zh: '每年新增 2~3 个普惠性托育点', en: '2–3 new inclusive childcare points a year' },
  { code: 'P2', zh: '建设多元照护服务供给体系', en: 'A diverse supply of care services' },
  { code: 'P3', zh: '落实托育机构的建设管理细则', en: 'Rules for building and running institutions' },
  {
    code: 'P4',
    zh: '托育机构评估体系构建与信息化监管',
    en: 'Evaluation of institutions and supervision through the information platform',
  },
  { code: 'P5', zh: '落实配套政策支持', en: 'Supporting policies' },
  { code: 'P6', zh: '探索托育从业人员职业规划', en: 'Career paths of childcare practitioners' },
  {
    code: 'P7',
    zh: '完善托育从业人员职前职后培训和提升照护人员能力',
    en: 'Pre- and in-service training of practitioners',
  },
  { code: 'P8', zh: '提供婴幼儿教养医结合服务', en: 'Care combining education, upbringing and health' },
  {
    code: 'P9',
    zh: '“育儿加油站”科学育儿指导公益活动与资源包研用',
    en: '"Parenting filling station" guidance events and resource packs',
  },
];

const broad: Unit[] = ['ndrc', 'planning', 'health', 'finance', 'civil', 'market', 'hrss'];

export const TASKS: readonly PlanTask[] = [
  {
    code: 'T01',
    project: 'P1',
    zh: '实现每年新增 2~3 个普惠性托育点。在普惠性托育机构 11 个街镇全覆盖的基础上，根据需求逐步增加托额供给。',
    lead: ['edu'],
    cooperating: [...broad, 'construction', 'housing', 'police', 'fire', 'union', 'women'],
  },
  {
    code: 'T02',
    project: 'P2',
    zh: '落实家庭科学育儿指导服务进社区，每个街镇至少配备 1 个家庭科学育儿指导站。',
    lead: ['edu', 'health'],
    cooperating: ['women'],
  },
  {
    code: 'T03',
    project: 'P2',
    zh: '在街镇进行儿童友好社区试点，每年至少建成 3 个具有示范效应的儿童友好社区示范点。',
    lead: ['women_children'],
    cooperating: ['edu', 'health', 'civil', 'women', 'youth'],
  },
  {
    code: 'T04',
    project: 'P2',
    zh: '鼓励民办幼儿园开设托班；通过市场化方式，引导企事业单位、社会组织或个人单独或联合举办一批连锁化、专业化的托育服务机构，按需提供全日制、半日制、计时制的托育服务。',
    lead: ['edu'],
    cooperating: [
      'ndrc',
      'planning',
      'health',
      'civil',
      'market',
      'hrss',
      'construction',
      'finance',
      'police',
      'fire',
    ],
  },
  {
    code: 'T05',
    project: 'P3',
    zh: '落实市各类托育机构全过程管理细则，明确各项优惠政策的实施办法，建立风险预警和应急处理机制。',
    lead: ['edu', 'civil', 'market'],
    cooperating: ['finance', 'tax', 'police'],
  },
  {
    code: 'T06',
    project: 'P4',
    zh: '落实《上海市托育服务机构日常管理指南》。',
    lead: ['edu'],
    cooperating: ['health', 'civil', 'market', 'hrss', 'construction', 'police', 'fire'],
  },
  {
    code: 'T07',
    project: 'P4',
    zh: '落实《上海市托育服务从业人员管理细则》。',
    lead: ['edu'],
    cooperating: ['hrss', 'civil', 'market', 'police'],
  },
  {
    code: 'T08',
    project: 'P4',
    zh: '落实使用上海市 3 岁以下幼儿托育服务信息管理平台。',
    lead: ['edu'],
    cooperating: ['health', 'civil', 'market', 'hrss', 'construction', 'police', 'fire'],
  },
  {
    code: 'T09',
    project: 'P5',
    zh: '全面落实产假政策，鼓励用人单位采取灵活安排工作时间等积极措施，为家庭养育创造条件。',
    lead: ['health', 'hrss', 'medical_insurance'],
    cooperating: ['union', 'women'],
  },
  {
    code: 'T10',
    project: 'P5',
    zh: '支持脱产居家养育婴幼儿的父母重返工作岗位，并为其提供信息服务、就业指导和职业技能培训。',
    lead: ['hrss', 'edu'],
    cooperating: ['union', 'women'],
  },
  {
    code: 'T11',
    project: 'P6',
    zh: '落实托育从业人员准入标准与行为规范，落实托育从业人员资格审查机制和职前职后考核机制。',
    lead: ['edu'],
    cooperating: ['hrss', 'police'],
  },
  {
    code: 'T12',
    project: 'P7',
    zh: '依托市托育从业人员职前职后培训联盟和实训中心，以及社会职业培训机构与开放大学系统等多渠道并存的培训模式，提供符合岗位分级要求、门类齐全、选择灵活的从业人员岗位培训资源与培训体系。',
    lead: ['edu'],
    cooperating: ['health', 'hrss'],
  },
  {
    code: 'T13',
    project: 'P7',
    zh: '通过多种方式，为托育服务培训人员、科学育儿指导服务培训人员等培训实施者提供专业培训。',
    lead: ['edu'],
    cooperating: ['health', 'hrss'],
  },
  {
    code: 'T14',
    project: 'P7',
    zh: '提供各类公益性科学育儿资源，提升家庭带养能力。',
    lead: ['edu'],
    cooperating: ['health'],
  },
  {
    code: 'T15',
    project: 'P8',
    zh: '建设每个区至少 1 个儿童早期发展基地。',
    lead: ['health'],
    cooperating: ['edu'],
  },
  {
    code: 'T16',
    project: 'P8',
    zh: '宣传《上海市 0~3 岁儿童发展指南》和《上海市托育机构一日活动方案》；推荐《上海市母子健康手册》。',
    lead: ['edu', 'health'],
    cooperating: [],
  },
  {
    code: 'T17',
    project: 'P8',
    zh: '探索开展教养医相结合的上门指导与社区指导服务模式；在社区卫生服务中心或儿童接种场所设立游戏观察室、亲子指导室，在全市每个区设立 1 个试点。',
    lead: ['edu', 'health'],
    cooperating: ['women'],
  },
  {
    code: 'T18',
    project: 'P8',
    zh: '全面开展“健康家庭—优生优育社区行”宣传指导服务项目。',
    lead: ['health'],
    cooperating: ['edu'],
  },
  {
    code: 'T19',
    project: 'P8',
    zh: '通过机构自评、同行互评、委托评估等方式，评选出一具有示范效应的优质托育机构。',
    lead: ['edu', 'health'],
    cooperating: ['women', 'civil', 'market'],
  },
  {
    code: 'T20',
    project: 'P9',
    zh: '每年开展线下区级“育儿加油站”科学育儿指导公益活动；宣传运用线上科学育儿指导公益平台。',
    lead: ['edu', 'health', 'women'],
    cooperating: [],
  },
  {
    code: 'T21',
    project: 'P9',
    zh: '推广及应用面向托育机构和家庭的科学育儿活动资源包。',
    lead: ['edu'],
    cooperating: ['health', 'women'],
  },
];

export const TASK_CITATION = {
  docNumber: '青府办发〔2021〕35号',
  article: '附件：任务分工方案',
} as const;

export const REPORT_STATUSES = ['on_track', 'delayed', 'done'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export function findTask(code: string): PlanTask | undefined {
  return TASKS.find((t) => t.code === code);
}

/** The units that report on a task: its lead and cooperating units. */
export function unitsOf(task: PlanTask): Unit[] {
  return [...task.lead, ...task.cooperating];
}

/** The tasks a unit reports on (lead or cooperating), in annex order. */
export function tasksOfUnit(unit: Unit): PlanTask[] {
  return TASKS.filter((t) => unitsOf(t).includes(unit));
}

/** Quarter (1–4) of a YYYY-MM-DD date. */
export function quarterOf(day: string): number {
  return Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
}

/** The day a quarter's report is due: the 10th day after the quarter ends (YYYY-MM-DD). */
export function reportDueDate(year: number, quarter: number): string {
  if (quarter === 4) return `${year + 1}-01-10`;
  const month = quarter * 3 + 1;
  return `${year}-${String(month).padStart(2, '0')}-10`;
}

/** The first day of a quarter (YYYY-MM-DD). */
export function quarterStart(year: number, quarter: number): string {
  return `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * A quarter's state for one unit on one task, on `today`: reported; overdue (due date passed, no
 * report); due (the quarter has ended or is running and the due date is ahead); not yet (future quarter).
 */
export function quarterState(
  year: number,
  quarter: number,
  reported: boolean,
  today: string,
): 'reported' | 'overdue' | 'due' | 'future' {
  if (reported) return 'reported';
  if (quarterStart(year, quarter) > today) return 'future';
  return reportDueDate(year, quarter) < today ? 'overdue' : 'due';
}

/** Whether a unit may report on a quarter on `today`: the quarter has started (no reports ahead of time). */
export function mayReport(year: number, quarter: number, today: string): boolean {
  return Number.isInteger(quarter) && quarter >= 1 && quarter <= 4 && quarterStart(year, quarter) <= today;
}
