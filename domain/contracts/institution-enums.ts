/**
 * Institution enums and their zh/en labels, without zod: the public portal imports these so its bundle
 * stays small. The zod schemas over them are in institution.ts.
 */
export const INSTITUTION_KINDS = [
  'childcare_institution',
  'kindergarten',
  'community_point',
  'family_point',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const KIND_LABELS: Record<InstitutionKind, { zh: string; en: string }> = {
  childcare_institution: { zh: '托育机构', en: 'Childcare institution' },
  kindergarten: { zh: '幼儿园', en: 'Kindergarten' },
  community_point: { zh: '社区托育点', en: 'Community childcare point' },
  family_point: { zh: '家庭托育点', en: 'Family childcare point' },
};

export const OWNERSHIPS = ['public', 'private'] as const;
export const OWNERSHIP_LABELS = {
  public: { zh: '公办', en: 'Public' },
  private: { zh: '民办', en: 'Private' },
} as const;

export const SERVICE_FORMS = ['full_day', 'half_day', 'hourly'] as const;
export type ServiceForm = (typeof SERVICE_FORMS)[number];
export const SERVICE_FORM_LABELS: Record<ServiceForm, { zh: string; en: string }> = {
  full_day: { zh: '全日制', en: 'Full-day' },
  half_day: { zh: '半日制', en: 'Half-day' },
  hourly: { zh: '计时制', en: 'Hourly' },
};

export const INSTITUTION_STATUSES = [
  'draft',
  'submitted',
  'filed',
  'operating',
  'rectifying',
  'suspended',
  'closed',
] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];
/**
 * In service: open to children, whether or not under rectification (整改中). Supervision draws from them
 * and visits each yearly; quality evaluates them. An escalation to 整改中 never takes one out of a pool.
 */
export const IN_SERVICE_STATUSES = [
  'operating',
  'rectifying',
] as const satisfies readonly InstitutionStatus[];
export const STATUS_LABELS: Record<InstitutionStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '备案审核中', en: 'Filing under review' },
  filed: { zh: '已备案', en: 'Filed' },
  operating: { zh: '运营中', en: 'Operating' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  suspended: { zh: '停业', en: 'Suspended' },
  closed: { zh: '注销', en: 'Closed' },
};

export const TRANSITION_ACTIONS = [
  'submit',
  'return',
  'approve',
  'start_operating',
  'rectify',
  'resume',
  'suspend',
  'close',
] as const;

/** Edits besides transitions that `permittedActions` may list. */
export const EDIT_ACTIONS = ['edit', 'edit_classes', 'upload_document'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];
export type PermittedAction = TransitionAction | (typeof EDIT_ACTIONS)[number];

export const CLASS_TYPE_VALUES = [
  'infant',
  'toddler_small',
  'toddler_large',
  'mixed',
  'kindergarten_toddler',
] as const;

/** Money in the API is integer fen (分); the web shows yuan. */
export const fenToYuan = (f: number) => f / 100;
export const yuanToFen = (y: number) => Math.round(y * 100);
