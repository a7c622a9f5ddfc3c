import { describe, expect, it } from 'vitest';
import type { Role } from '../contracts/auth.ts';
import {
  INSTITUTION_STATUSES,
  type InstitutionStatus,
  TRANSITION_ACTIONS,
  type TransitionAction,
} from '../contracts/institution.ts';
import { type Action, roleMay } from '../contracts/permissions.ts';
import {
  actionsFrom,
  checkTransition,
  editRights,
  institutionLifecycle,
  permittedActions,
  relationOf,
  TRANSITIONS,
} from './lifecycle.ts';

/** The whole state machine as a table: [from, action, to] for every allowed transition. */
const ALLOWED: [InstitutionStatus, TransitionAction, InstitutionStatus][] = [
  ['draft', 'submit', 'submitted'],
  ['submitted', 'return', 'draft'],
  ['submitted', 'approve', 'filed'],
  ['filed', 'start_operating', 'operating'],
  ['operating', 'rectify', 'rectifying'],
  ['rectifying', 'resume', 'operating'],
  ['operating', 'suspend', 'suspended'],
  ['rectifying', 'suspend', 'suspended'],
  ['suspended', 'close', 'closed'],
];
const NEEDS_REASON: TransitionAction[] = ['return', 'rectify', 'suspend', 'close'];

describe('checkTransition', () => {
  for (const from of INSTITUTION_STATUSES) {
    for (const action of TRANSITION_ACTIONS) {
      const hit = ALLOWED.find(([f, a]) => f === from && a === action);
      it(`${from} --${action}--> ${hit ? hit[2] : '409'}`, () => {
        const r = checkTransition(from, action, 'a reason');
        if (hit) expect(r).toEqual({ ok: true, to: hit[2] });
        else
          expect(r).toEqual({
            ok: false,
            reason: 'transition.not_allowed',
            allowed: ALLOWED.filter(([f]) => f === from).map(([, a]) => a),
          });
      });
    }
  }

  it.each(NEEDS_REASON)('%s needs a reason (blank is not one)', (action) => {
    const from = ALLOWED.find(([, a]) => a === action)![0];
    expect(checkTransition(from, action)).toEqual({ ok: false, reason: 'transition.reason_required' });
    expect(checkTransition(from, action, '   ')).toEqual({ ok: false, reason: 'transition.reason_required' });
  });

  it('nothing leaves closed', () => expect(actionsFrom('closed')).toEqual([]));
});

const caller = (role: Role, owns = false) => ({
  may: (p: Action) => roleMay(role, p),
  ownsInstitution: owns,
  institutionScoped: role === 'institution_admin',
});

describe('permittedActions', () => {
  const cases: [Role, boolean, InstitutionStatus, string[]][] = [
    ['institution_admin', true, 'draft', ['edit', 'edit_classes', 'upload_document', 'submit']],
    ['institution_admin', true, 'submitted', []],
    ['institution_admin', true, 'operating', []],
    ['institution_admin', false, 'draft', []],
    ['district_officer', false, 'draft', ['edit', 'edit_classes', 'upload_document', 'submit']],
    [
      'district_officer',
      false,
      'submitted',
      ['edit', 'edit_classes', 'upload_document', 'return', 'approve'],
    ],
    [
      'district_officer',
      false,
      'operating',
      ['edit', 'edit_classes', 'upload_document', 'rectify', 'suspend'],
    ],
    ['district_officer', false, 'closed', []],
    ['town_officer', false, 'operating', []],
    ['town_officer', false, 'draft', []],
  ];
  it.each(cases)('%s (owns: %s) on %s → %j', (role, owns, status, expected) => {
    expect(permittedActions(status, caller(role, owns))).toEqual(expected);
  });

  it('edit rights follow the same rule', () => {
    expect(editRights('draft', caller('institution_admin', true))).toEqual({ edit: true, upload: true });
    expect(editRights('filed', caller('institution_admin', true))).toEqual({ edit: false, upload: false });
    expect(editRights('suspended', caller('district_officer'))).toEqual({ edit: true, upload: true });
  });
});

describe('relations', () => {
  it('an institution admin owns its own institution, officers supervise, another admin is nobody', () => {
    expect(relationOf(caller('institution_admin', true))).toBe('owner');
    expect(relationOf(caller('institution_admin', false))).toBe('none');
    expect(relationOf(caller('district_officer'))).toBe('supervisor');
  });
  it('only submit is open to the owner; review and supervision belong to officers', () => {
    const byOwner = institutionLifecycle.actions.filter((a) => TRANSITIONS[a].by.includes('owner'));
    expect(byOwner).toEqual(['submit']);
  });
});
