/**
 * The filing lifecycle of an institution (备案): pure rules, shared by the server (which enforces them)
 * and the web (which shows only `permittedActions` the server computed with them).
 *
 *   draft ──submit──▶ submitted ──approve──▶ filed ──start_operating──▶ operating ⇄ rectifying
 *     ▲                  │                                                 │  rectify/resume │
 *     └──return (reason)─┘                                 suspend (reason) ▼                 ▼
 *                                                                       suspended ──close (reason)──▶ closed
 *
 * Decisions: `suspend` is allowed from operating (voluntary suspension) as well as from rectifying;
 * `close` only from suspended; nothing leaves closed. Filing review follows 国卫办人口发〔2019〕25号
 * (complete within 5 working days of complete materials).
 */

import type { InstitutionStatus, PermittedAction, TransitionAction } from '../contracts/institution.ts';
import type { Action } from '../contracts/permissions.ts';

export interface TransitionRule {
  from: readonly InstitutionStatus[];
  to: InstitutionStatus;
  /** The permission (domain/contracts/permissions.ts) the caller needs. */
  permission: Action;
  reasonRequired: boolean;
  zh: string;
  en: string;
}

export const TRANSITIONS: Readonly<Record<TransitionAction, TransitionRule>> = {
  submit: {
    from: ['draft'],
    to: 'submitted',
    permission: 'institutions.submit',
    reasonRequired: false,
    zh: '提交备案',
    en: 'Submit for filing',
  },
  return: {
    from: ['submitted'],
    to: 'draft',
    permission: 'institutions.review',
    reasonRequired: true,
    zh: '退回修改',
    en: 'Return for changes',
  },
  approve: {
    from: ['submitted'],
    to: 'filed',
    permission: 'institutions.review',
    reasonRequired: false,
    zh: '予以备案',
    en: 'Approve filing',
  },
  start_operating: {
    from: ['filed'],
    to: 'operating',
    permission: 'institutions.transition',
    reasonRequired: false,
    zh: '开始运营',
    en: 'Start operating',
  },
  rectify: {
    from: ['operating'],
    to: 'rectifying',
    permission: 'institutions.transition',
    reasonRequired: true,
    zh: '责令整改',
    en: 'Order rectification',
  },
  resume: {
    from: ['rectifying'],
    to: 'operating',
    permission: 'institutions.transition',
    reasonRequired: false,
    zh: '整改完成',
    en: 'Rectified: resume',
  },
  suspend: {
    from: ['operating', 'rectifying'],
    to: 'suspended',
    permission: 'institutions.transition',
    reasonRequired: true,
    zh: '停业',
    en: 'Suspend',
  },
  close: {
    from: ['suspended'],
    to: 'closed',
    permission: 'institutions.transition',
    reasonRequired: true,
    zh: '注销',
    en: 'Close',
  },
};

const ACTIONS = Object.keys(TRANSITIONS) as TransitionAction[];

/** Actions the state machine allows from `status` (whoever the caller is). */
export function actionsFrom(status: InstitutionStatus): TransitionAction[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

export type TransitionCheck =
  | { ok: true; to: InstitutionStatus }
  | { ok: false; reason: 'transition.not_allowed'; allowed: TransitionAction[] }
  | { ok: false; reason: 'transition.reason_required' };

/** Whether `action` may be taken from `status` (and has its reason when one is required). */
export function checkTransition(
  status: InstitutionStatus,
  action: TransitionAction,
  reason?: string,
): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status))
    return { ok: false, reason: 'transition.not_allowed', allowed: actionsFrom(status) };
  if (rule.reasonRequired && !reason?.trim()) return { ok: false, reason: 'transition.reason_required' };
  return { ok: true, to: rule.to };
}

/** How the caller relates to the institution, for edit rights. */
export interface Caller {
  /** Whether the caller holds a permission (roleMay). */
  may: (permission: Action) => boolean;
  /** The caller's scope is this one institution (an institution admin). */
  ownsInstitution: boolean;
  /** The caller's scope is an institution (this one or another); such callers act on their own only. */
  institutionScoped: boolean;
}

/**
 * Edit rights. Institution admins edit their own institution's profile, classes and filing documents
 * while it is a draft (new or returned); district officers (institutions.transition) correct the
 * registry in any state except closed. Everything is audited.
 */
export function editRights(status: InstitutionStatus, caller: Caller): { edit: boolean; upload: boolean } {
  if (status === 'closed') return { edit: false, upload: false };
  if (caller.may('institutions.transition'))
    return { edit: caller.may('institutions.update'), upload: caller.may('institutions.upload') };
  const draft = status === 'draft' && caller.ownsInstitution;
  return {
    edit: draft && caller.may('institutions.update'),
    upload: draft && caller.may('institutions.upload'),
  };
}

/** Everything the caller may do with an institution in `status` right now (`permittedActions`). */
export function permittedActions(status: InstitutionStatus, caller: Caller): PermittedAction[] {
  const out: PermittedAction[] = [];
  const rights = editRights(status, caller);
  if (rights.edit) out.push('edit', 'edit_classes');
  if (rights.upload) out.push('upload_document');
  if (caller.institutionScoped && !caller.ownsInstitution) return out;
  for (const a of actionsFrom(status)) if (caller.may(TRANSITIONS[a].permission)) out.push(a);
  return out;
}
