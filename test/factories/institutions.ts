/**
 * Institutions written through the same service the API uses (validation, history, audit), so a test
 * sets up exactly what it needs — e.g. an operating institution — without depending on other tests.
 *
 *   const inst = await buildInstitution(db, { status: 'operating', now: t.clock.now() });
 *   const cls = await buildClass(db, inst, { capacity: 12 });
 */
import type {
  ClassInputBody,
  CreateInstitutionBody,
  InstitutionDetail,
  InstitutionStatus,
} from '../../domain/contracts/institution.ts';
import { institutionLifecycle } from '../../domain/institutions/lifecycle.ts';
import type { Db } from '../../server/db/client.ts';
import { createInstitutionService } from '../../server/modules/institutions/service.ts';
import type { Actor } from '../../server/platform/context.ts';
import { actorFor, contextFor, FACTORY_NOW } from './context.ts';
import { buildClasses, buildInstitutionInput } from './inputs.ts';

export interface InstitutionOverrides extends Partial<CreateInstitutionBody> {
  /** The state to bring it to along the lifecycle's shortest path (default: draft). */
  status?: InstitutionStatus;
  /** Classes to set before submitting (default: valid classes for the kind; [] for none). */
  classes?: ClassInputBody[];
  /** Who acts (default: a district officer over the district). */
  actor?: Actor;
  now?: Date;
}

/** An institution (created as a draft, then taken through the lifecycle to `status`), as the API shows it. */
export async function buildInstitution(db: Db, o: InstitutionOverrides = {}): Promise<InstitutionDetail> {
  const { status = 'draft', classes, actor = actorFor(), now = FACTORY_NOW, ...input } = o;
  const ctx = contextFor(actor, now);
  const service = createInstitutionService({ db });
  const body = buildInstitutionInput(input);
  let d = await service.create(ctx, actor, body);
  const wanted = classes ?? buildClasses(body.kind);
  if (wanted.length > 0)
    d = await service.replaceClasses(ctx, actor, d.id, { version: d.version, classes: wanted });
  const path = institutionLifecycle.path('draft', status);
  if (!path) throw new Error(`buildInstitution: ${status} cannot be reached from draft`);
  for (const [i, action] of path.entries()) {
    const reason = institutionLifecycle.transitions[action].reasonRequired ? '测试原因' : undefined;
    // One millisecond apart, so the history reads in order (newest first).
    const at = contextFor(actor, new Date(now.getTime() + i + 1));
    d = await service.transition(at, actor, d.id, {
      action,
      version: d.version,
      ...(reason ? { reason } : {}),
    });
  }
  return d;
}

/** Add one class to an institution (its other classes kept), through the service. */
export async function buildClass(
  db: Db,
  institution: { id: string },
  overrides: Partial<ClassInputBody> = {},
  o: { actor?: Actor; now?: Date } = {},
): Promise<InstitutionDetail> {
  const actor = o.actor ?? actorFor();
  const ctx = contextFor(actor, o.now ?? FACTORY_NOW);
  const service = createInstitutionService({ db });
  const current = await service.get(ctx, actor, institution.id);
  const base = buildClasses(current.kind)[0]!;
  const added: ClassInputBody = { ...base, name: `${base.name}${current.classes.length + 1}`, ...overrides };
  return service.replaceClasses(ctx, actor, institution.id, {
    version: current.version,
    classes: [
      ...current.classes.map((c) => ({
        name: c.name,
        type: c.type,
        capacity: c.capacity,
        enrolled: c.enrolled,
        minAgeMonths: c.minAgeMonths,
      })),
      added,
    ],
  });
}
