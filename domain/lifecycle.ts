/**
 * A typed lifecycle (state machine) definition shared by every module with statuses: the states, the
 * actions, each action's transition from → to, whether it needs a reason, and which relation of the
 * actor to the object may take it ('owner': the object's own admin, e.g. an institution admin on its
 * institution; 'supervisor': a district or town officer whose scope covers it). A role permission
 * (domain/contracts/permissions.ts) may be required on top of the relation.
 *
 *   const lc = defineLifecycle<Status, Action>()({ states: STATUSES, transitions: { submit: {…}, … } });
 *   lc.check('draft', 'submit')                       // { ok: true, to: 'submitted' }
 *   lc.permitted('draft', 'owner', (p) => roleMay(role, p))   // ['submit']
 *
 * Pure: no I/O. The server enforces it, the web reads the labels and the `reasonRequired` flags.
 */

/** How an actor relates to the object of a lifecycle. */
export type Relation = 'owner' | 'supervisor' | 'none';

export interface TransitionDef<S extends string, P extends string = string, R extends string = Relation> {
  from: readonly S[];
  to: S;
  /** The relations that may take this action. */
  by: readonly R[];
  /** A role permission the actor needs as well (optional). */
  permission?: P;
  /** Whether a non-blank reason (or review opinion) is required. */
  reasonRequired: boolean;
  zh: string;
  en: string;
}

export type TransitionCheck<S extends string, A extends string> =
  | { ok: true; to: S }
  | { ok: false; reason: 'transition.not_allowed'; allowed: A[] }
  | { ok: false; reason: 'transition.reason_required' };

export interface Lifecycle<S extends string, A extends string, P extends string, R extends string> {
  readonly states: readonly S[];
  readonly actions: readonly A[];
  readonly transitions: Readonly<Record<A, TransitionDef<S, P, R>>>;
  /** Actions the state machine allows from `state`, whoever asks. */
  actionsFrom(state: S): A[];
  /** Whether `action` may be taken from `state` and has its reason when one is required. */
  check(state: S, action: A, reason?: string | null): TransitionCheck<S, A>;
  /** Whether an actor with `relation` (and permissions `may`) may take `action` at all. */
  allows(action: A, relation: R, may?: (permission: P) => boolean): boolean;
  /** The actions an actor with `relation` (and permissions `may`) may take from `state` now. */
  permitted(state: S, relation: R, may?: (permission: P) => boolean): A[];
  /** States no action leaves. */
  terminal(): S[];
  /** The shortest sequence of actions from one state to another (undefined when unreachable). */
  path(from: S, to: S): A[] | undefined;
}

/**
 * Define a lifecycle. Curried so the state and action unions are named explicitly and the permission
 * and relation types are inferred: `defineLifecycle<Status, Action>()({ states, transitions })`.
 * Throws at definition time when a transition names an unknown state.
 */
export function defineLifecycle<S extends string, A extends string>() {
  return <P extends string = string, R extends string = Relation>(def: {
    states: readonly S[];
    transitions: Record<A, TransitionDef<S, P, R>>;
  }): Lifecycle<S, A, P, R> => {
    const known = new Set<string>(def.states);
    const actions = Object.keys(def.transitions) as A[];
    for (const a of actions) {
      const t = def.transitions[a];
      for (const s of [...t.from, t.to])
        if (!known.has(s)) throw new Error(`lifecycle: ${a} names unknown state ${s}`);
      if (t.by.length === 0) throw new Error(`lifecycle: nobody may take ${a}`);
    }
    const actionsFrom = (state: S) => actions.filter((a) => def.transitions[a].from.includes(state));
    const allows = (action: A, relation: R, may?: (permission: P) => boolean) => {
      const t = def.transitions[action];
      if (!t.by.includes(relation)) return false;
      return t.permission === undefined || !may || may(t.permission);
    };
    return {
      states: def.states,
      actions,
      transitions: def.transitions,
      actionsFrom,
      check(state, action, reason) {
        const t = def.transitions[action];
        if (!t.from.includes(state))
          return { ok: false, reason: 'transition.not_allowed', allowed: actionsFrom(state) };
        if (t.reasonRequired && !reason?.trim()) return { ok: false, reason: 'transition.reason_required' };
        return { ok: true, to: t.to };
      },
      allows,
      permitted: (state, relation, may) => actionsFrom(state).filter((a) => allows(a, relation, may)),
      terminal: () => def.states.filter((s) => actionsFrom(s).length === 0),
      path(from, to) {
        const seen = new Map<S, A[]>([[from, []]]);
        const queue: S[] = [from];
        while (queue.length > 0) {
          const s = queue.shift()!;
          if (s === to) return seen.get(s);
          for (const a of actionsFrom(s)) {
            const next = def.transitions[a].to;
            if (!seen.has(next)) {
              seen.set(next, [...seen.get(s)!, a]);
              queue.push(next);
            }
          }
        }
        return undefined;
      },
    };
  };
}
