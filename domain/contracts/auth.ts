/** Accounts, roles, scopes and sessions: the contracts of the platform's auth API. */
import { z } from 'zod';
import { pageOf, paginationQuery, versionField } from './common.ts';

export const ROLES = [
  'district_officer',
  'town_officer',
  'inspector',
  'institution_admin',
  'health_worker',
  'guidance_staff',
  'parent',
  // Commissioned quality evaluator (委托评估, issue 12): assigned to rounds by the quality module.
  'evaluator',
  // A cooperating department's liaison (任务分工, issue 13): assigned to units by the plan module.
  'department',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** 三员分立: the three separated administrator roles. None of them reads business or personal records. */
export const ADMIN_ROLES = [
  'system_admin',
  'security_admin',
  'audit_admin',
] as const satisfies readonly Role[];
export const BUSINESS_ROLES = ROLES.filter((r) => !(ADMIN_ROLES as readonly string[]).includes(r)) as Exclude<
  Role,
  (typeof ADMIN_ROLES)[number]
>[];

/** Which kind of scope each role takes. */
export const ROLE_SCOPE_KIND: Record<Role, ScopeKind> = {
  district_officer: 'division',
  town_officer: 'division',
  inspector: 'division',
  institution_admin: 'institution',
  health_worker: 'division',
  guidance_staff: 'division',
  parent: 'family',
  evaluator: 'division',
  department: 'division',
  system_admin: 'division',
  security_admin: 'division',
  audit_admin: 'division',
};

export const SCOPE_KINDS = ['division', 'institution', 'family'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** A user's jurisdiction: a division subtree (district 6 digits, town 9 digits), one institution, or one family. */
export const scopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('division'),
    divisionCode: z.string().regex(/^\d{6}(\d{3})?(\d{3})?$/),
  }),
  z.strictObject({ kind: z.literal('institution'), institutionId: z.uuid() }),
  z.strictObject({ kind: z.literal('family'), familyId: z.uuid() }),
]);
export type Scope = z.infer<typeof scopeSchema>;

export const usernameSchema = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, {
    message:
      '只能使用小写字母、数字和 . _ -，并以字母或数字开头 / Only lower-case letters, digits and . _ -, starting with a letter or digit',
  });

export const loginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  district: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  districtCode: z.string(),
  role: roleSchema.nullable(),
  scope: scopeSchema.nullable(),
  scopeLabel: z.object({ zh: z.string(), en: z.string() }).nullable(),
  /** What the caller may do: the UI shows actions from this list, never from role names. */
  permittedActions: z.array(z.string()),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema.nullable(),
  scope: scopeSchema.nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  /** The scope's name read now (青浦区 / 朱家角镇 / the institution's name / a family label); lists only. */
  scopeLabel: z.object({ zh: z.string(), en: z.string() }).nullable().optional(),
});
export type User = z.infer<typeof userSchema>;

export const userListQuery = z.strictObject({
  ...paginationQuery.shape,
  q: z.string().max(64).optional(),
  role: roleSchema.optional(),
});
export const userPage = pageOf(userSchema);

/** system_admin creates an account; it has no role until security_admin grants one. */
export const createUserBody = z.strictObject({
  username: usernameSchema,
  displayName: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const updateUserBody = z.strictObject({
  version: versionField,
  displayName: z.string().min(1).max(64).optional(),
  disabled: z.boolean().optional(),
});

/** security_admin grants one role with one scope (one account, one role: ADR 0006). */
export const grantBody = z.strictObject({
  version: versionField,
  role: roleSchema,
  scope: scopeSchema,
});

export const resetPasswordBody = z.strictObject({
  version: versionField,
  newPassword: z.string().min(1).max(256),
});
