/**
 * Fee disclosure (收费公示) for inclusive childcare (issue 17): what an institution must publish about its
 * charges. Read for the published fee list (domain/institutions/fee-list.ts, docs/fee-list.md).
 *
 * Source: a 2023-09 public news report (a secondary copy via a press-monitoring site) on Shanghai's inclusive
 * childcare pilot. It says the institutions' 收费项目和标准、服务内容、退费规则 are told to parents (e.g. in
 * the admission brochure) under public supervision; that the price of a private inclusive kindergarten's
 * 托班 or another inclusive institution is agreed with the district's education or health department from
 * cost, subsidy and enrolment; that one institution may not run inclusive and non-inclusive standards at once;
 * and that every charge is shown in a prominent place (显著位置公示). The notice's own title, issuer, number
 * and articles were not read. A provincial notice read the same way (Yunnan, development and reform
 * commission with the health commission, also a secondary copy) puts the basic service fee (保育费, and
 * 住宿费 for boarding) under government-guided prices and asks for a charge catalogue (收费目录清单) shown
 * with method, amount and basis (依据); it does not bind Shanghai and is not entered.
 *
 * Gap: the national 2025–2026 rule on 托育服务收费 / 明码标价 that issue 17 calls "the 2026 fee-disclosure
 * rule for 托班" was not found in the sources searched; its issuer, number, date and required fields are
 * not entered. Every value below is `verified: false`.
 */
import type { PolicyPack } from './types.ts';

export const SHANGHAI_INCLUSIVE_FEES_2023: PolicyPack = {
  id: 'sh-inclusive-fees-2023',
  level: 'city',
  jurisdiction: '310000',
  title: '上海市普惠托育服务试点（收费与公示要求）',
  issuer: '上海市教育委员会 等（待核实）',
  docNumber: '（名称与文号待核实）',
  // The report's month; the notice's own effective date was not read.
  effectiveFrom: '2023-09-01',
  sourceNote:
    'A 2023-09 news report on the Shanghai inclusive childcare pilot (secondary copy); the official notice was not read. The national 2025–2026 fee-disclosure rule named in issue 17 was not found: not entered.',
  values: {
    feeDisclosure: {
      mustDisclose: {
        value: ['收费项目', '收费标准', '服务内容', '退费规则'],
        article: '收费项目和标准、服务内容、退费规则应向家长告知；各项收费标准应在显著位置公示',
        verified: false,
        note: 'From the news report; the portal list carries items, amounts, units, the effective date and the basis. Service content and refund rules are not yet fields of the list.',
      },
      inclusiveCareFeeRequired: {
        value: true,
        article: '普惠托育机构的具体价格与区教育或卫健行政部门协商确定',
        verified: false,
        note: 'Read here as: an inclusive institution publishes its care fee (保育费), the price the district agrees. Not confirmed against the notice.',
      },
      inclusiveBasisRequired: {
        value: true,
        article: '普惠价格与区教育或卫健行政部门协商确定（收费依据）',
        verified: false,
        note: 'Read here as: the published list names the basis of the inclusive price (the agreement or its document number). Not confirmed against the notice.',
      },
    },
  },
};

export const FEE_DISCLOSURE_PACKS: readonly PolicyPack[] = [SHANGHAI_INCLUSIVE_FEES_2023];
