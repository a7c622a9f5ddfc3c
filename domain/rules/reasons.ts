/**
 * The catalogue of every reason code a rule can return, with Chinese and English messages. The server
 * turns a failed Result into HTTP 400 `{field, rule, message_zh, message_en}` (see toFieldError).
 */

/** Messages per reason code. Keys are the reason codes. */
export const REASONS = {
  'date.malformed': {
    zh: '日期格式不正确或日期不存在（应为 YYYY-MM-DD）',
    en: 'Malformed or impossible date (expected YYYY-MM-DD)',
  },
  'date.range_reversed': { zh: '结束日期早于开始日期', en: 'End date is before start date' },
  'count.invalid': { zh: '数量必须为整数', en: 'Count must be an integer' },
  'count.negative': { zh: '数量不能为负数', en: 'Count must not be negative' },
  'money.invalid': {
    zh: '金额必须为非负整数（单位：分）',
    en: 'Amount must be a non-negative integer number of fen',
  },
  'money.overflow': { zh: '金额超出可精确计算的范围', en: 'Amount is too large to compute exactly' },
  'id.empty': { zh: '证件号码不能为空', en: 'ID number is required' },
  'id.legacy_15': {
    zh: '不接受15位旧身份证号码，请使用18位号码',
    en: 'The 15-digit pre-1999 ID form is not accepted; use the 18-digit number',
  },
  'id.length': { zh: '证件号码应为18位', en: 'ID number must have 18 characters' },
  'id.characters': {
    zh: '证件号码只能包含数字，末位可为X',
    en: 'ID number must be 17 digits followed by a digit or X',
  },
  'id.address_code': { zh: '证件号码地址码无效', en: 'Invalid address code in ID number' },
  'id.birth_date': { zh: '证件号码中的出生日期不存在', en: 'Birth date in ID number does not exist' },
  'id.birth_too_early': {
    zh: '证件号码中的出生日期早于1900年',
    en: 'Birth date in ID number is before 1900',
  },
  'id.birth_future': { zh: '证件号码中的出生日期晚于今天', en: 'Birth date in ID number is in the future' },
  'id.check_character': { zh: '证件号码校验码错误', en: 'Wrong check character in ID number' },
  'credit.empty': { zh: '统一社会信用代码不能为空', en: 'Unified social credit code is required' },
  'credit.length': {
    zh: '统一社会信用代码应为18位',
    en: 'Unified social credit code must have 18 characters',
  },
  'credit.characters': {
    zh: '统一社会信用代码含有无效字符（不使用I、O、S、V、Z）',
    en: 'Invalid character in credit code (I, O, S, V, Z are not used)',
  },
  'credit.division_code': {
    zh: '统一社会信用代码第3–8位应为行政区划代码',
    en: 'Positions 3–8 of the credit code must be a division code',
  },
  'credit.registration_authority': {
    zh: '统一社会信用代码第1位不是登记管理部门代码（1–9、A、N、Y）',
    en: 'The first character of the credit code is no registration authority (1–9, A, N, Y)',
  },
  'credit.category': {
    zh: '统一社会信用代码第2位不是该登记管理部门的机构类别代码',
    en: 'The second character of the credit code is no organisation category of that authority',
  },
  'credit.check_character': { zh: '统一社会信用代码校验码错误', en: 'Wrong check character in credit code' },
  'credit.org_code_check': {
    zh: '组织机构代码部分（第9–17位）校验不通过（仅提示）',
    en: 'Organisation code part (positions 9–17) fails its check (warning only)',
  },
  'mobile.invalid': { zh: '手机号码格式不正确', en: 'Invalid mobile number' },
  'age.before_birth': { zh: '计算日期早于出生日期', en: 'Date is before the birth date' },
  'class.unknown_type': { zh: '未知的班级类型', en: 'Unknown class type' },
  'class.over_cap': { zh: '超过该班型的班额上限', en: 'Exceeds the class-size cap for this class type' },
  'class.over_capacity': { zh: '在班人数超过核定容量', en: 'Enrolled children exceed the class capacity' },
  'class.mixed_min_age': {
    zh: '混龄班只能招收18个月以上婴幼儿',
    en: 'Mixed-age classes only take children from 18 months',
  },
  'class.below_min_age': {
    zh: '最小月龄低于该班型的年龄段',
    en: 'Youngest age is below the age band of this class type',
  },
  'class.above_max_age': {
    zh: '最小月龄超出该班型的年龄段',
    en: 'Youngest age is above the age band of this class type',
  },
  'class.no_ratio_rule': {
    zh: '该班型没有保育人员配比规定',
    en: 'No caregiver ratio rule for this class type',
  },
  'family_point.over_cap': {
    zh: '家庭托育点收托人数不得超过5人',
    en: 'A family childcare point may take at most 5 children',
  },
  'policy.bad_district': { zh: '行政区划代码应为6位数字', en: 'District code must be 6 digits' },
  'policy.no_pack_in_force': {
    zh: '该日期没有生效的国家规则',
    en: 'No national rule pack in force on that date',
  },
  'policy.incomplete': { zh: '该日期生效的规则不完整', en: 'The rules in force on that date are incomplete' },
  'policy.value_missing': {
    zh: '该地区在该日期没有相应的规定值',
    en: 'No value for this rule in that district on that date',
  },
  'training.bad_practitioner': { zh: '从业人员标识无效', en: 'Invalid practitioner id' },
  'workdays.outside_calendar': {
    zh: '日期超出节假日日历范围，无法计算工作日',
    en: 'Date is outside the holiday calendar; working days cannot be computed',
  },
  'draw.bad_secret': {
    zh: '抽签密钥应为至少32位十六进制字符',
    en: 'Draw secret must be at least 32 hex characters',
  },
  'draw.bad_hash': { zh: '哈希值格式不正确', en: 'Malformed hash' },
  'draw.too_few_per_target': {
    zh: '每个检查对象至少需要2名检查人员',
    en: 'At least 2 inspectors per target are required',
  },
  'draw.empty_target_pool': { zh: '检查对象名录为空', en: 'The target pool is empty' },
  'draw.empty_inspector_pool': { zh: '检查人员名录为空', en: 'The inspector pool is empty' },
  'draw.duplicate_id': { zh: '名录中有重复的标识', en: 'Duplicate id in the pool' },
  'draw.bad_weight': {
    zh: '风险权重应为1至1000000的整数',
    en: 'Risk weight must be an integer from 1 to 1,000,000',
  },
  'draw.sample_too_large': { zh: '抽取数量超过检查对象总数', en: 'Sample size exceeds the target pool' },
  'draw.insufficient_inspectors': {
    zh: '无利益冲突的检查人员不足',
    en: 'Not enough inspectors without a conflict of interest',
  },
  'draw.commitment_mismatch': {
    zh: '密钥与事先公布的承诺值不一致',
    en: 'Secret does not match the published commitment',
  },
  'draw.pool_hash_mismatch': {
    zh: '名录哈希与公布结果不一致',
    en: 'Pool hash does not match the published result',
  },
  'draw.result_mismatch': {
    zh: '复算结果与公布结果不一致',
    en: 'Recomputed draw differs from the published result',
  },
  'geo.bad_coordinate': { zh: '坐标无效', en: 'Invalid coordinate' },
  'geo.bad_parameter': { zh: '步行参数无效', en: 'Invalid walking parameters' },
  'coverage.bad_id': { zh: '点位标识无效', en: 'Invalid point id' },
  'coverage.duplicate_id': { zh: '点位标识重复', en: 'Duplicate point id' },
  'kpi.bad_comparison': { zh: '目标比较方式无效', en: 'Invalid target comparison' },
  'kpi.bad_number': { zh: '目标值或测量值无效', en: 'Invalid target or measured value' },
  'kpi.bad_year': { zh: '年度不在目标期内', en: 'Year is outside the target period' },
  'calendar.outside_year': {
    zh: '日期不在该年度内（元旦假期可从上年末开始）',
    en: "Date is outside the year (only a New Year's Day range may start in the last days of the year before)",
  },
  'calendar.ranges_overlap': { zh: '放假时段相互重叠', en: 'Holiday ranges overlap' },
  'calendar.workday_in_holiday': {
    zh: '调休上班日落在放假时段内',
    en: 'An adjusted working day lies inside a holiday range',
  },
  'calendar.workday_not_weekend': {
    zh: '调休上班日应为星期六或星期日',
    en: 'An adjusted working day must be a Saturday or Sunday',
  },
  'calendar.workday_duplicate': { zh: '调休上班日重复', en: 'Duplicate adjusted working day' },
  'calendar.festival_not_covered': {
    zh: '放假时段未包含该节日的日期（仅提示）',
    en: "The holiday range does not cover the festival's date (warning only)",
  },
  'calendar.festival_unchecked': {
    zh: '没有该年份的节日日期表，无法核对该节日的日期（仅提示）',
    en: "No festival date table for that year: the festival's date cannot be checked (warning only)",
  },
  'baobaowu.price_above_cap': {
    zh: '宝宝屋每小时收费超过规定上限',
    en: 'The baby-house (baobaowu) hourly price is above the cap',
  },
  'baobaowu.bad_hours': {
    zh: '时长应为1至24的整数小时',
    en: 'Hours must be a whole number from 1 to 24',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

/** Every reason code. */
export type ReasonCode = keyof typeof REASONS;

/** True when `s` is a known reason code. */
export function isReasonCode(s: string): s is ReasonCode {
  return Object.hasOwn(REASONS, s);
}

/** The 400-body shape for a failed rule: `{field, rule, message_zh, message_en}`. */
export function toFieldError(
  failure: { reason: ReasonCode; field?: string },
  fallbackField = '',
): { field: string; rule: ReasonCode; message_zh: string; message_en: string } {
  const m = REASONS[failure.reason];
  return { field: failure.field ?? fallbackField, rule: failure.reason, message_zh: m.zh, message_en: m.en };
}
