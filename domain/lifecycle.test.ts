import { describe, expect, it } from 'vitest';
import { defineLifecycle, type Relation } from './lifecycle.ts';

/** A small lifecycle to test the definition helper itself (institutions' own is tested beside it). */
type S = 'draft' | 'pending' | 'done' | 'void';
type A = 'send' | 'accept' | 'reject' | 'cancel';
const lc = defineLifecycle<S, A>()<'p.review' | 'p.send'>({
  states: ['draft', 'pending', 'done', 'void'],
  transitions: {
    send: {
      from: ['draft'],
      to: 'pending',
      by: ['owner'],
      permission: 'p.send',
      reasonRequired: false,
      zh: '提交',
      en: 'Send',
    },
    accept: {
      from: ['pending'],
      to: 'done',
      by: ['supervisor'],
      permission: 'p.review',
      reasonRequired: false,
      zh: '通过',
      en: 'Accept',
    },
    reject: {
      from: ['pending'],
      to: 'draft',
      by: ['supervisor'],
      permission: 'p.review',
      reasonRequired: true,
      zh: '退回',
      en: 'Reject',
    },
    cancel: {
      from: ['draft', 'pending'],
      to: 'void',
      by: ['owner', 'supervisor'],
      reasonRequired: true,
      zh: '作废',
      en: 'Cancel',
    },
  },
});

describe('defineLifecycle', () => {
  const table: [S, A, S | null][] = [
    ['draft', 'send', 'pending'],
    ['draft', 'accept', null],
    ['draft', 'reject', null],
    ['draft', 'cancel', 'void'],
    ['pending', 'send', null],
    ['pending', 'accept', 'done'],
    ['pending', 'reject', 'draft'],
    ['pending', 'cancel', 'void'],
    ['done', 'send', null],
    ['done', 'accept', null],
    ['done', 'reject', null],
    ['done', 'cancel', null],
    ['void', 'send', null],
    ['void', 'accept', null],
    ['void', 'reject', null],
    ['void', 'cancel', null],
  ];
  it.each(table)('%s --%s--> %s', (from, action, to) => {
    const r = lc.check(from, action, 'why');
    if (to) expect(r).toEqual({ ok: true, to });
    else expect(r).toEqual({ ok: false, reason: 'transition.not_allowed', allowed: lc.actionsFrom(from) });
  });

  it('covers every state × action pair in the table above', () =>
    expect(table.length).toBe(lc.states.length * lc.actions.length));

  it.each(['reject', 'cancel'] as const)('%s needs a non-blank reason', (action) => {
    expect(lc.check('pending', action)).toEqual({ ok: false, reason: 'transition.reason_required' });
    expect(lc.check('pending', action, ' \n')).toEqual({ ok: false, reason: 'transition.reason_required' });
    expect(lc.check('pending', action, null)).toEqual({ ok: false, reason: 'transition.reason_required' });
  });

  const permitted: [S, Relation, string[], A[]][] = [
    ['draft', 'owner', ['p.send'], ['send', 'cancel']],
    ['draft', 'owner', [], ['cancel']],
    ['draft', 'supervisor', ['p.send', 'p.review'], ['cancel']],
    ['pending', 'supervisor', ['p.review'], ['accept', 'reject', 'cancel']],
    ['pending', 'supervisor', [], ['cancel']],
    ['pending', 'owner', ['p.review'], ['cancel']],
    ['pending', 'none', ['p.review', 'p.send'], []],
    ['done', 'supervisor', ['p.review'], []],
  ];
  it.each(permitted)('from %s a %s holding %j may %j', (state, relation, perms, expected) => {
    expect(lc.permitted(state, relation, (p) => perms.includes(p))).toEqual(expected);
  });

  it('without a permission check only the relation counts', () => {
    expect(lc.permitted('pending', 'supervisor')).toEqual(['accept', 'reject', 'cancel']);
    expect(lc.allows('send', 'supervisor')).toBe(false);
  });

  it('finds the shortest path between states, or none', () => {
    expect(lc.path('draft', 'done')).toEqual(['send', 'accept']);
    expect(lc.path('draft', 'draft')).toEqual([]);
    expect(lc.path('done', 'draft')).toBeUndefined();
  });

  it('knows its terminal states', () => expect(lc.terminal()).toEqual(['done', 'void']));

  it('refuses a transition to an unknown state or one nobody may take', () => {
    expect(() =>
      defineLifecycle<'a' | 'b', 'go'>()({
        states: ['a'] as ('a' | 'b')[],
        transitions: {
          go: { from: ['a'], to: 'b', by: ['owner'], reasonRequired: false, zh: '走', en: 'Go' },
        },
      }),
    ).toThrow(/unknown state b/);
    expect(() =>
      defineLifecycle<'a' | 'b', 'go'>()({
        states: ['a', 'b'],
        transitions: { go: { from: ['a'], to: 'b', by: [], reasonRequired: false, zh: '走', en: 'Go' } },
      }),
    ).toThrow(/nobody/);
  });
});
