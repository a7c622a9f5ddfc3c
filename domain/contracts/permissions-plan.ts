/** Actions of the Plan and funding (issue 13) module and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const PLAN_PERMISSIONS = {
  // The target dashboard and its drill-down: district and town officers (a town officer sees its town's targets).
  'plan.read': ['district_officer', 'town_officer'],
  // A successor plan (new version copied from the previous one): district officers over the whole district.
  'plan.manage': ['district_officer'],
  // The funding budget and its XLSX export (a town officer: its town's kindergartens only).
  'plan.funding_read': ['district_officer', 'town_officer'],
  // Per-pupil rates and the floor-scope setting: district officers over the whole district.
  'plan.funding_manage': ['district_officer'],
  // The community statistics import (15-minute circle demand): district officers, and town officers for their town's communities.
  'plan.communities_import': ['district_officer', 'town_officer'],
  // The portal's notices, policy documents and guidance: district officers write, publish and withdraw them.
  'plan.news_manage': ['district_officer'],
  // The annex's tasks with every unit's quarterly reports: district officers, and department liaisons (their unit's tasks marked).
  'plan.tasks_read': ['district_officer', 'department'],
  // A quarterly progress report on a task of the liaison's own unit.
  'plan.tasks_report': ['department'],
  // Which unit a liaison account speaks for, and the joint meeting's yearly review: district officers.
  'plan.tasks_manage': ['district_officer'],
} as const satisfies Record<string, readonly Role[]>;
