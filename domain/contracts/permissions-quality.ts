/** Actions of the Quality evaluation (issue 12) module and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const QUALITY_PERMISSIONS = {
  // Frameworks, rounds and results in scope; evaluators only see the rounds they are assigned to (service).
  'quality.read': ['district_officer', 'town_officer', 'institution_admin', 'evaluator'],
  // Frameworks, opening and completing rounds, the peer draw, evaluator assignment, demonstration decisions.
  'quality.manage': ['district_officer'],
  // Fill in an evaluation: the institution its self-evaluation and the peer reviews drawn to it; evaluators commissioned ones.
  'quality.evaluate': ['institution_admin', 'evaluator'],
  // Improvement plan items: the institution sets and completes them; the district may add items too.
  'quality.improve': ['institution_admin', 'district_officer'],
  'quality.export': ['district_officer'],
} as const satisfies Record<string, readonly Role[]>;
