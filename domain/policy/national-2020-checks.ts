/**
 * The pre-hire record checks (入职查询, issue 17) as a rule pack: before an employment starts, the
 * institution records the sex-offence record query and the no-criminal-record certificate.
 * - 最高人民检察院 教育部 公安部《关于建立教职员工准入查询性侵违法犯罪信息制度的意见》(高检发〔2020〕14号,
 *   2020-08-20): employers of staff in close contact with minors query the sex-offence records before
 *   hiring; a record found bars the hire. Shanghai's own employment ban (2019) covers care of children
 *   under 3 as well.
 * - 《托育机构质量评估标准》WS/T 821—2023 (国家卫生健康委): staff files hold a no-criminal-record
 *   certificate (无犯罪记录证明); 58号's 设置标准 asks for staff without a criminal record too.
 *
 * Verification: none of these texts was read while writing this file; the titles, numbers and dates
 * come from secondary public copies (news reports of the documents and the issue's summary), hence
 * `verified: false`. Neither text, as summarised there, sets how old a check may be at the hire, so
 * `validityDays` is null for both and no window is applied (the console says so). A district that sets
 * one puts it into its own pack with its citation.
 */
import type { PolicyPack } from './types.ts';

export const NATIONAL_2020_RECORD_CHECKS: PolicyPack = {
  id: 'cn-spp-2020-14',
  level: 'national',
  jurisdiction: '000000',
  title: '关于建立教职员工准入查询性侵违法犯罪信息制度的意见；托育机构质量评估标准（WS/T 821—2023）',
  issuer: '最高人民检察院 教育部 公安部；国家卫生健康委员会',
  docNumber: '高检发〔2020〕14号',
  effectiveFrom: '2020-08-20',
  sourceNote:
    'Document number and date of the 2020 opinion from news reports of its release (2020-09-18); WS/T 821—2023 from the standard number. Official texts not read.',
  values: {
    recordChecks: {
      required: {
        value: [
          {
            kind: 'sex_offence_query',
            issuer: '最高人民检察院 教育部 公安部',
            title: '关于建立教职员工准入查询性侵违法犯罪信息制度的意见',
            docNumber: '高检发〔2020〕14号',
            issued: '2020-08-20',
            article:
              '入职查询（招录、聘用与未成年人密切接触的工作人员前，应当查询性侵违法犯罪信息；有记录的不得录用）',
            validityDays: null,
            related:
              '上海市 2019 年建立的涉性侵害违法犯罪人员从业禁止制度，适用范围含 3 岁以下婴幼儿照护机构（文号、日期未核实）',
          },
          {
            kind: 'no_criminal_record',
            issuer: '国家卫生健康委员会',
            title: '托育机构质量评估标准',
            docNumber: 'WS/T 821—2023',
            issued: '2023',
            article:
              '人员管理（工作人员档案含无犯罪记录证明）；国卫人口发〔2019〕58号 设置标准 第四章 人员（无犯罪记录）',
            validityDays: null,
          },
        ],
        article: '高检发〔2020〕14号 入职查询；WS/T 821—2023 人员管理（无犯罪记录证明）',
        verified: false,
        note: 'From secondary public copies; official texts and article numbers not read. No validity window for a check is set by either text as read here: none is applied.',
      },
    },
  },
};
