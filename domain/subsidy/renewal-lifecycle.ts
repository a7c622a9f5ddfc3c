/**
 * The yearly renewal's states (年度复核, ADR 0027): open ──confirm──▶ confirmed, open ──stop──▶ stopped.
 * The town officer whose scope covers the child's hukou town (supervisor) decides; a stop needs its
 * reason (the stop reason, checked by the service). Both ends are final: a wrong decision is corrected
 * on the application (a stop from a date), not by reopening the renewal.
 */
import type { Action } from '../contracts/permissions.ts';
import type { RenewalAction, RenewalState } from '../contracts/subsidy-renewal.ts';
import { RENEWAL_STATES } from '../contracts/subsidy-renewal.ts';
import { defineLifecycle, type Relation } from '../lifecycle.ts';

export const renewalLifecycle = defineLifecycle<RenewalState, RenewalAction>()<Action, Relation>({
  states: RENEWAL_STATES,
  transitions: {
    confirm: {
      from: ['open'],
      to: 'confirmed',
      by: ['supervisor'],
      permission: 'subsidy.renewal_decide',
      reasonRequired: false,
      zh: '确认续发',
      en: 'Confirm',
    },
    stop: {
      from: ['open'],
      to: 'stopped',
      by: ['supervisor'],
      permission: 'subsidy.renewal_decide',
      reasonRequired: false,
      zh: '停发',
      en: 'Stop',
    },
  },
});
