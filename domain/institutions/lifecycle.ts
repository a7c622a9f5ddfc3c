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

import {
  INSTITUTION_STATUSES,
  type InstitutionStatus,
  type PermittedAction,
  type TransitionAction,
} from '../contracts/institution.ts';
import type { Action } from '../contracts/permissions.ts';
import { defineLifecycle, type Relation, type TransitionCheck } from '../lifecycle.ts';

/** The filing lifecycle (domain/lifecycle.ts): who may act is the relation, and a permission on top. */
export const institutionLifecycle = defineLifecycle<InstitutionStatus, TransitionAction>()<Action>({
  states: INSTITUTION_STATUSES,
  transitions: {
    submit: {
      from: ['draft'],
      to: 'submitted',
      by: ['owner', 'supervisor'],
      permission: 'institutions.submit',
      reasonRequired: false,
      zh: '提交备案',
      en: 'Submit for filing',
    },
    return: {
      from: ['submitted'],
      to: 'draft',
      by: ['supervisor'],
      permission: 'institutions.review',
      reasonRequired: true,
      zh: '退回修改',
      en: 'Return for changes',
    },
    approve: {
      from: ['submitted'],
      to: 'filed',
      by: ['supervisor'],
      permission: 'institutions.review',
      // The review opinion (审核意见) is required for approving as for returning; it is the history's reason.
      reasonRequired: true,
      zh: '予以备案',
      en: 'Approve filing',
    },
    start_operating: {
      from: ['filed'],
      to: 'operating',
      by: ['supervisor'],
      permission: 'institutions.transition',
      reasonRequired: false,
      zh: '开始运营',
      en: 'Start operating',
    },
    rectify: {
      from: ['operating'],
      to: 'rectifying',
      by: ['supervisor'],
      permission: 'institutions.transition',
      reasonRequired: true,
      zh: '责令整改',
      en: 'Order rectification',
    },
    resume: {
      from: ['rectifying'],
      to: 'operating',
      by: ['supervisor'],
      permission: 'institutions.transition',
      reasonRequired: false,
      zh: '整改完成',
      en: 'Rectified: resume',
    },
    suspend: {
      from: ['operating', 'rectifying'],
      to: 'suspended',
      by: ['supervisor'],
      permission: 'institutions.transition',
      reasonRequired: true,
      zh: '停业',
      en: 'Suspend',
    },
    close: {
      from: ['suspended'],
      to: 'closed',
      by: ['supervisor'],
      permission: 'institutions.transition',
      reasonRequired: true,
      zh: '注销',
      en: 'Close',
    },
  },
});

/** Each transition's rule (labels, `reasonRequired`, the permission): the web reads these. */
export const TRANSITIONS = institutionLifecycle.transitions;

/** Actions the state machine allows from `status` (whoever the caller is). */
export const actionsFrom = (status: InstitutionStatus): TransitionAction[] =>
  institutionLifecycle.actionsFrom(status);

/** Whether `action` may be taken from `status` (and has its reason when one is required). */
export function checkTransition(
  status: InstitutionStatus,
  action: TransitionAction,
  reason?: string,
): TransitionCheck<InstitutionStatus, TransitionAction> {
  return institutionLifecycle.check(status, action, reason);
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

/** The caller's relation to the institution: its own admin, an officer over it, or neither. */
export function relationOf(caller: Caller): Relation {
  if (caller.ownsInstitution) return 'owner';
  return caller.institutionScoped ? 'none' : 'supervisor';
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
  out.push(...institutionLifecycle.permitted(status, relationOf(caller), caller.may));
  return out;
}
