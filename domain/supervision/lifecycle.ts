/**
 * Rectification items (整改): open ──submit_evidence──▶ evidence_submitted ──verify──▶ closed
 *                                    ▲                         │
 *                                    └────────return───────────┘
 * The institution (owner) submits evidence; the assigned inspector or an officer whose scope covers the
 * institution (supervisor) verifies and closes it, or returns it with a reason.
 */

import type { Action } from '../contracts/permissions.ts';
import {
  RECTIFICATION_STATUSES,
  type RectificationAction,
  type RectificationStatus,
} from '../contracts/supervision-inspections.ts';
import { defineLifecycle, type Relation } from '../lifecycle.ts';

export const rectificationLifecycle = defineLifecycle<RectificationStatus, RectificationAction>()<
  Action,
  Relation
>({
  states: RECTIFICATION_STATUSES,
  transitions: {
    submit_evidence: {
      from: ['open'],
      to: 'evidence_submitted',
      by: ['owner'],
      permission: 'supervision.rectification_submit',
      reasonRequired: false,
      zh: '提交整改材料',
      en: 'Submit evidence',
    },
    verify: {
      from: ['evidence_submitted'],
      to: 'closed',
      by: ['supervisor'],
      permission: 'supervision.rectification_verify',
      reasonRequired: false,
      zh: '核验销项',
      en: 'Verify and close',
    },
    return: {
      from: ['evidence_submitted'],
      to: 'open',
      by: ['supervisor'],
      permission: 'supervision.rectification_verify',
      reasonRequired: true,
      zh: '退回',
      en: 'Return',
    },
  },
});
