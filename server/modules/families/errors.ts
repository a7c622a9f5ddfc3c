/** The Families module's error codes (server/platform/errors.ts: typed catalogs). */
import { defineErrors, uniqueConstraintError } from '../../platform/errors.ts';

export const familiesErrors = defineErrors('families', {
  'families.consent_missing': {
    status: 409,
    zh: '监护人未同意或已撤回该目的的同意，不能处理',
    en: 'No guardian consent is in force for this purpose: it cannot be processed',
  },
  'families.child_registered': {
    status: 409,
    zh: '该身份证号码的婴幼儿已登记',
    en: 'A child with this ID number is already registered',
  },
  'families.community_exists': {
    status: 409,
    zh: '该社区代码已存在',
    en: 'This community code exists already',
  },
  'families.visit_not_scheduled': {
    status: 409,
    zh: '该访视不是待访视状态',
    en: 'This visit is not scheduled (already recorded or cancelled)',
  },
  'families.booking_closed': {
    status: 409,
    zh: '已过预约或取消截止时间',
    en: 'The booking and cancellation deadline has passed',
  },
  'families.slot_full': {
    status: 409,
    zh: '该时段名额已满（可选择候补）',
    en: 'This slot is full (you may join the waitlist)',
  },
  'families.already_booked': {
    status: 409,
    zh: '该婴幼儿已预约或候补此时段',
    en: 'This child is already booked or waitlisted for this slot',
  },
  'families.booking_cancelled': { status: 409, zh: '该预约已取消', en: 'This booking is cancelled already' },
  'families.site_not_open': {
    status: 409,
    zh: '该宝宝屋已撤销或不是宝宝屋，不能发布时段',
    en: 'This is not an open baby house (baobaowu): no slots',
  },
  'families.baobaowu_no_pack': {
    status: 409,
    zh: '本区没有在用的“宝宝屋”规则（免费时数与收费上限）',
    en: 'No baby-house (baobaowu) rule (free hours, price cap) is in force in this district',
  },
  'families.institution_not_operating': {
    status: 409,
    zh: '所选机构不在运营状态，不能申请或发布时段',
    en: 'The institution is not operating: no applications or slots',
  },
  'families.no_place': {
    status: 409,
    zh: '没有适合该婴幼儿年龄且有空余名额的班级',
    en: "No class with a free place fits the child's age",
  },
  'families.not_preferred': {
    status: 409,
    zh: '该申请未将本机构列为意向机构',
    en: 'This application does not name your institution',
  },
  'families.application_open': {
    status: 409,
    zh: '该婴幼儿已有进行中的入托申请',
    en: 'This child has an application in progress already',
  },
  'families.station_exists': {
    status: 409,
    zh: '该街镇已有家庭科学育儿指导站（每街镇一个）',
    en: 'This town has a family guidance station already (one per town)',
  },
  'families.station_in_use': {
    status: 409,
    zh: '该指导站已有活动，不能删除',
    en: 'This station has sessions: it cannot be deleted',
  },
  'families.session_full': {
    status: 409,
    zh: '该活动名额已满',
    en: 'This session is full',
  },
  'families.session_closed': {
    status: 409,
    zh: '该活动已开始、已举办或已取消，不能报名或取消报名',
    en: 'This session has started, was held or was cancelled: no sign-up or cancellation',
  },
  'families.already_signed_up': {
    status: 409,
    zh: '该家庭已报名此活动',
    en: 'This family has signed up for this session already',
  },
  'families.signup_cancelled': {
    status: 409,
    zh: '该报名已取消',
    en: 'This sign-up is cancelled already',
  },
  'families.session_not_started': {
    status: 409,
    zh: '活动尚未开始，不能记录签到',
    en: 'The session has not started: attendance cannot be recorded yet',
  },
  'families.session_cancelled': {
    status: 409,
    zh: '该活动已取消',
    en: 'This session is cancelled',
  },
  'families.guidance_consent_missing': {
    status: 409,
    zh: '监护人未同意或已撤回“指导活动报名”的同意，不能报名',
    en: 'No guardian consent to guidance sign-up is in force: the family cannot sign up',
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    families: typeof familiesErrors;
  }
}

// — guardians' rights and retention (rights.ts, retention.ts) —
export const familyRightsErrors = defineErrors('families', {
  'families.request_handled': {
    status: 409,
    zh: '该申请已办结或已不予办理',
    en: 'This request has been handled already',
  },
  'families.anonymised': {
    status: 409,
    zh: '该家庭的信息已匿名化，不能再提出申请',
    en: "This family's data has been anonymised: no further requests",
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    familiesRights: typeof familyRightsErrors;
  }
}

// — online guidance (online.ts) —
export const familyOnlineErrors = defineErrors('families', {
  'families.online_registered': {
    status: 409,
    zh: '该家庭已登记在此平台注册',
    en: 'This family is registered on this platform already',
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    familiesOnline: typeof familyOnlineErrors;
  }
}

// Two identical bookings at once: the second is refused by the index, with the same answer as when it comes later.
uniqueConstraintError('family_bookings_one_per_child_uq', 'families.already_booked');
