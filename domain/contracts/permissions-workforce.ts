/** Actions of the Workforce (issue 9) module and the roles that may take them (merged into PERMISSIONS). */
import type { Role } from './auth.ts';

export const WORKFORCE_PERMISSIONS = {
  // Read staff, employments, certificates and training in scope (masked personal numbers).
  'workforce.read': ['district_officer', 'town_officer', 'institution_admin', 'inspector'],
  // Add staff, employments, class assignments and certificates (an institution admin: its own only).
  'workforce.manage': ['district_officer', 'institution_admin'],
  // The lifetime-ban list: read, add and lift (district officers only; audited).
  'workforce.ban_read': ['district_officer'],
  'workforce.ban_manage': ['district_officer'],
  // Staffing and certification compliance, with its XLSX export.
  'workforce.compliance': ['district_officer', 'town_officer', 'institution_admin'],
  // The staff import (CSV/XLSX, dry run first): each row is a hire, so the import goes to who may hire one
  // by one (workforce.manage) — an institution admin into its own institution, the district into any.
  // A town officer supervises and does not hire, by form or by file.
  'workforce.import': ['district_officer', 'institution_admin'],
  // Training events and attendance.
  'workforce.training': ['district_officer', 'institution_admin'],
} as const satisfies Record<string, readonly Role[]>;
