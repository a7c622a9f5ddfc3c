/**
 * Rectification items (整改): open ──submit_evidence──▶ evidence_submitted ──verify──▶ closed
 *                                    ▲                         │
 *                                    └────────return───────────┘
 * The institution (owner) submits evidence; the assigned inspector or an officer whose scope covers the
 * institution (supervisor) verifies and closes it, or returns it with a reason.
 */

import type { Action } from '../contracts/permissions.ts';
import {
  COMPLAINT_STATUSES,
  type ComplaintAction,
  type ComplaintStatus,
} from '../contracts/supervision-complaints.ts';
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

/**
 * Public complaints (投诉): received ──accept──▶ handling ──close──▶ closed. The town officer of the
 * institution's town (or the district) accepts and closes; closing needs the reply the complainant reads
 * with the receipt code and whether the complaint was substantiated.
 */
export const complaintLifecycle = defineLifecycle<ComplaintStatus, ComplaintAction>()<Action, Relation>({
  states: COMPLAINT_STATUSES,
  transitions: {
    accept: {
      from: ['received'],
      to: 'handling',
      by: ['supervisor'],
      permission: 'supervision.complaint_handle',
      reasonRequired: false,
      zh: '受理',
      en: 'Accept',
    },
    close: {
      from: ['received', 'handling'],
      to: 'closed',
      by: ['supervisor'],
      permission: 'supervision.complaint_handle',
      reasonRequired: false,
      zh: '办结',
      en: 'Close',
    },
  },
});
