/**
 * Qingpu District (310118) rule pack: 《青浦区托育服务三年行动计划（2021—2023年）》, 青府办发〔2021〕35号,
 * 2021-08-27 to 2023-12-31. Every value below was read in the plan's text (docs/sources/
 * qingpu-childcare-action-plan-2021-2023.txt); articles are the plan's own section numbers.
 */
import type { Cited, PlanTarget, PolicyPack } from './types.ts';

const PERIOD = { start: '2021-01-01', end: '2023-12-31' };

function target(
  id: string,
  metric: string,
  comparison: PlanTarget['comparison'],
  value: number,
  unit: string,
  cadence: PlanTarget['cadence'],
  zh: string,
): PlanTarget {
  return { id: `qp-${id}`, metric, comparison, value, unit, period: PERIOD, cadence, zh };
}

/** The plan's targets as structured data (one entry per measurable commitment). */
export const QINGPU_2021_TARGETS: readonly PlanTarget[] = [
  target(
    'new-inclusive-points',
    'new_inclusive_points',
    '>=',
    2,
    'points',
    'annual',
    '每年新增2~3个普惠性托育点',
  ),
  target(
    'inclusive-town-coverage',
    'towns_with_inclusive_institution_pct',
    '>=',
    100,
    '%',
    'period',
    '普惠性托育机构街镇覆盖率100%',
  ),
  target(
    'kindergarten-toddler-share',
    'kindergartens_with_toddler_classes_pct',
    '>=',
    50,
    '%',
    'period',
    '托幼一体园所占比不低于50%',
  ),
  target(
    'guidance-stations',
    'towns_with_guidance_station_pct',
    '>=',
    100,
    '%',
    'period',
    '每个街镇配备1个家庭科学育儿指导站',
  ),
  target(
    'child-friendly-sites',
    'child_friendly_community_sites',
    '>=',
    3,
    'sites',
    'annual',
    '每年至少建成3个儿童友好社区示范点',
  ),
  target(
    'early-development-base',
    'early_development_bases',
    '>=',
    1,
    'bases',
    'period',
    '至少1个儿童早期发展基地',
  ),
  target('care-circle', 'communities_within_15_min_pct', '>=', 100, '%', 'period', '15分钟社区托育服务圈'),
  target(
    'double-random-months',
    'months_with_double_random_check',
    '>=',
    12,
    'months',
    'annual',
    '每月开展“双随机”检查指导',
  ),
  target(
    'on-site-visit-coverage',
    'institutions_visited_on_site_pct',
    '>=',
    100,
    '%',
    'annual',
    '每年对每个机构至少实地巡查评估指导1次',
  ),
  target('certified', 'practitioners_certified_pct', '>=', 100, '%', 'period', '从业人员持证上岗率100%'),
  target(
    'skills-training-hours',
    'skills_training_hours_per_practitioner',
    '>=',
    72,
    'class hours',
    'annual',
    '每年不少于72课时综合技能培训',
  ),
  target(
    'ethics-training-hours',
    'ethics_training_hours_per_practitioner',
    '>=',
    40,
    'class hours',
    'annual',
    '每年不少于40课时职业道德教育',
  ),
  target(
    'professional-trainings',
    'professional_trainings',
    '>=',
    6,
    'trainings',
    'annual',
    '每年不少于6次专业培训',
  ),
  target(
    'home-visit-coverage',
    'newborn_families_wanting_visit_visited_pct',
    '>=',
    100,
    '%',
    'annual',
    '每个有需求的新生儿家庭每年至少1次上门指导',
  ),
  target(
    'offline-guidance-sessions',
    'offline_guidance_sessions_per_family',
    '>=',
    6,
    'sessions',
    'annual',
    '每年不少于6次线下指导服务',
  ),
  target(
    'online-guidance-coverage',
    'families_wanting_online_guidance_covered_pct',
    '>=',
    100,
    '%',
    'period',
    '线上科学育儿指导全覆盖',
  ),
  target(
    'demonstration-institutions',
    'demonstration_institutions',
    '>=',
    1,
    'institutions',
    'period',
    '建成1~2所示范性托育机构',
  ),
];

function seed<T>(value: T, article: string, note?: string): Cited<T> {
  return note === undefined ? { value, article, verified: true } : { value, article, verified: true, note };
}

/** 青府办发〔2021〕35号 — the action plan. */
export const QINGPU_2021: PolicyPack = {
  id: 'qp-qfbf-2021-35',
  level: 'district',
  jurisdiction: '310118',
  title: '青浦区托育服务三年行动计划（2021—2023年）',
  issuer: '青浦区人民政府办公室',
  docNumber: '青府办发〔2021〕35号',
  effectiveFrom: '2021-08-27',
  effectiveTo: '2023-12-31',
  sourceNote: 'Read in full: docs/sources/qingpu-childcare-action-plan-2021-2023.txt.',
  values: {
    funding: {
      toddlerRateMultiplier: seed(
        { numerator: 3, denominator: 2 },
        '四、(二) 优化经费投入（在本园所生均拨款定额标准上增加二分之一）',
      ),
      pupilFloor: seed(
        20,
        '四、(二) 优化经费投入（托班幼儿人数不足20人的，按20人计算）',
        'Floor scope not stated; per kindergarten by default (funding.ts).',
      ),
      teachersPerToddlerClass: seed(2, '四、(二) 优化经费投入（托班编制以每班两教一保计算）'),
      caregiversPerToddlerClass: seed(1, '四、(二) 优化经费投入（托班编制以每班两教一保计算）'),
      subsidyAssessments: seed(
        ['caregiver', 'infant_carer'],
        '四、(二) 优化经费投入（托育服务从业人员参加保育员、育婴员等项目培训并鉴定合格的，可按照紧缺培训补贴项目规定标准，给予培训费补贴）',
        'The text says 等 (and similar): the list is open; add an assessment here with its source when the district names one.',
      ),
    },
    plan: {
      newInclusivePointsPerYear: seed(
        { min: 2, max: 3 },
        '二、(二)1 合理布局，增加供给（每年新增2~3个普惠性托育点）',
      ),
      inclusiveTownCoveragePct: seed(100, '二、(二)1（全区街镇普惠性托育机构覆盖率100%）'),
      kindergartenToddlerSharePct: seed(50, '二、(二)1（托幼一体园所在公民办幼儿园总量中占比不低于50%）'),
      guidanceStationsPerTown: seed(1, '二、(二)1（每个街镇配备1个家庭科学育儿指导站）'),
      childFriendlySitesPerYear: seed(3, '二、(二)1（每年至少建成3个儿童友好社区示范点）'),
      earlyDevelopmentBases: seed(1, '二、(二)1（至少1个儿童早期发展基地）'),
      careCircleMinutes: seed(15, '三、(一)2 发展多元托育服务（15分钟社区托育服务圈）'),
      jointMeetingReviewsPerYear: seed(1, '二、(二)2 规范管理，协同共治（联席会议每年开展督查）'),
      doubleRandomChecksPerMonth: seed(1, '二、(二)2（区、街镇每月开展“双随机”检查指导）'),
      onSiteVisitsPerInstitutionPerYear: seed(1, '二、(二)2（每年对每个机构至少实地巡查评估指导1次）'),
      certifiedPct: seed(100, '二、(二)3 加强培训，完善队伍（持证上岗率达100%）'),
      skillsTrainingHoursPerYear: seed(72, '二、(二)3（每年不少于72课时的综合技能培训）'),
      ethicsTrainingHoursPerYear: seed(40, '二、(二)3（不少于40课时的职业道德教育）'),
      professionalTrainingsPerYear: seed(6, '二、(二)3（每年不少于6次专业培训）'),
      homeVisitsPerNewbornFamilyPerYear: seed(1, '二、(二)4 教养医结合（每年至少1次上门指导）'),
      offlineGuidanceSessionsPerYear: seed(6, '二、(二)4（每年不少于6次的线下指导服务）'),
      onlineGuidanceCoveragePct: seed(100, '二、(二)4（线上科学育儿指导服务全覆盖）'),
      demonstrationInstitutions: seed(
        { min: 1, max: 2 },
        '二、(二)4；三、(四)3（建成/评选1~2所示范性托育机构）',
      ),
      targets: seed([...QINGPU_2021_TARGETS], '二、发展目标；附件 任务分工方案'),
    },
  },
};

/** All Qingpu packs, oldest first. */
export const QINGPU_PACKS: readonly PolicyPack[] = [QINGPU_2021];
