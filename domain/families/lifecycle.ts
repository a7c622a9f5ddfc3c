/**
 * The lifecycle of an application for a place (issue 11):
 *
 *   submitted ──offer──▶ offered ──accept──▶ accepted ──enroll──▶ enrolled
 *       │                  │
 *       │                  └──decline──▶ declined
 *       └──withdraw (family, also from offered/accepted)──▶ withdrawn
 *
 * `institution`: an institution the family named (it offers and enrols); `family`: the family itself.
 */
import {
  APPLICATION_STATUSES,
  type ApplicationAction,
  type ApplicationStatus,
  FAMILY_REQUEST_STATUSES,
  type FamilyRequestAction,
  type FamilyRequestStatus,
} from '../contracts/families.ts';
import type { Action } from '../contracts/permissions.ts';
import { defineLifecycle } from '../lifecycle.ts';

export type ApplicationRelation = 'family' | 'institution' | 'none';

export const applicationLifecycle = defineLifecycle<ApplicationStatus, ApplicationAction>()<
  Action,
  ApplicationRelation
>({
  states: APPLICATION_STATUSES,
  transitions: {
    offer: {
      from: ['submitted'],
      to: 'offered',
      by: ['institution'],
      permission: 'families.applications_decide',
      reasonRequired: false,
      zh: '发出录取',
      en: 'Offer a place',
    },
    accept: {
      from: ['offered'],
      to: 'accepted',
      by: ['family'],
      permission: 'families.apply',
      reasonRequired: false,
      zh: '接受',
      en: 'Accept',
    },
    decline: {
      from: ['offered'],
      to: 'declined',
      by: ['family'],
      permission: 'families.apply',
      reasonRequired: false,
      zh: '放弃',
      en: 'Decline',
    },
    enroll: {
      from: ['accepted'],
      to: 'enrolled',
      by: ['institution'],
      permission: 'families.applications_decide',
      reasonRequired: false,
      zh: '办理入托',
      en: 'Enrol',
    },
    withdraw: {
      from: ['submitted', 'offered', 'accepted'],
      to: 'withdrawn',
      by: ['family'],
      permission: 'families.apply',
      reasonRequired: false,
      zh: '撤回申请',
      en: 'Withdraw',
    },
  },
});

/**
 * A guardian's request for a correction or deletion (issue 11, guardians' rights):
 *
 *   submitted ──complete (officer; a deletion anonymises the family)──▶ done
 *       └──────reject (officer, with a reason)──────────────────────────▶ rejected
 *
 * `supervisor`: a district officer, or an officer of the family's town.
 */
export const familyRequestLifecycle = defineLifecycle<FamilyRequestStatus, FamilyRequestAction>()<Action>({
  states: FAMILY_REQUEST_STATUSES,
  transitions: {
    complete: {
      from: ['submitted'],
      to: 'done',
      by: ['supervisor'],
      permission: 'families.requests_handle',
      reasonRequired: false,
      zh: '办结',
      en: 'Complete',
    },
    reject: {
      from: ['submitted'],
      to: 'rejected',
      by: ['supervisor'],
      permission: 'families.requests_handle',
      reasonRequired: true,
      zh: '不予办理',
      en: 'Reject',
    },
  },
});
