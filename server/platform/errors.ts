/**
 * Domain errors: services throw `DomainError(code)`, never HTTP errors. The one error handler
 * (http-errors.ts) maps the code to its status and to zh/en text from the catalogs.
 *
 * Codes are typed: the platform's catalog is below; each module declares its own with `defineErrors`
 * (a missing zh or en text is a type error) and adds it to `ErrorCatalogs` by declaration merging, so
 * `ErrorCode` is the union of every catalog's codes and a typo in `new DomainError('…')` does not compile:
 *
 *   export const fooErrors = defineErrors('foo', {
 *     'foo.closed': { status: 409, zh: '已关闭', en: 'Closed' },
 *   });
 *   declare module '../../platform/errors.ts' { interface ErrorCatalogs { foo: typeof fooErrors } }
 */
import type { FieldError } from '../../domain/contracts/common.ts';

export interface ErrorDef {
  status: number;
  zh: string;
  en: string;
}

const catalog = {
  'validation.failed': { status: 400, zh: '提交的数据不符合要求', en: 'The submitted data is not valid' },
  'auth.unauthenticated': { status: 401, zh: '请先登录', en: 'Please log in' },
  'auth.invalid_credentials': { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    status: 423,
    zh: '连续登录失败次数过多，账号已锁定 30 分钟，请稍后再试或联系安全管理员解锁',
    en: 'Too many failed logins: the account is locked for 30 minutes. Try later or ask the security admin to unlock it',
  },
  'auth.rate_limited': {
    status: 429,
    zh: '登录尝试过于频繁，请稍后再试',
    en: 'Too many login attempts: try again later',
  },
  'auth.wrong_password': { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  'auth.cross_origin': { status: 403, zh: '拒绝跨站请求', en: 'Cross-origin request refused' },
  'auth.forbidden': { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  'auth.no_policy': {
    status: 403,
    zh: '该接口未声明访问策略，默认拒绝',
    en: 'This route declares no policy: denied',
  },
  'auth.must_change_password': {
    status: 403,
    zh: '请先修改密码，之后才能使用其他功能',
    en: 'Change your password first; nothing else is available until then',
  },
  not_found: { status: 404, zh: '未找到', en: 'Not found' },
  'conflict.stale_version': {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else: reload and try again',
  },
  'conflict.duplicate': { status: 409, zh: '与已有记录重复', en: 'Duplicates an existing record' },
  'conflict.transition': {
    status: 409,
    zh: '当前状态下不允许此操作',
    en: 'Not allowed in the current state',
  },
  'users.separation_of_duties': {
    status: 409,
    zh: '三员分立：该账号不能担任此角色',
    en: 'Separation of duties: this account cannot hold that role',
  },
  'users.escalation': {
    status: 403,
    zh: '不能授予超出本人权限或管辖范围的角色',
    en: 'You cannot grant a role or scope wider than your own',
  },
  'users.self': {
    status: 409,
    zh: '不能修改本人的角色或状态',
    en: 'You cannot change your own role or status',
  },
  'users.admin_password_reset': {
    status: 403,
    zh: '管理员账号的密码不能通过接口重置，请在服务器上使用 npm run reset-admin（见 ADR 0010）',
    en: "An administrator's password cannot be reset through the API: use npm run reset-admin on the server (ADR 0010)",
  },
  'users.last_admin': {
    status: 409,
    zh: '该账号是此管理员角色的最后一个有效账号，不能停用或改变角色',
    en: 'This is the last active holder of this administrator role: it cannot be disabled or change role',
  },
  'users.admin_lane': {
    status: 409,
    zh: '三员分立：业务账号不能被授予管理员角色，管理员账号也不能被授予业务角色',
    en: 'Separation of duties: a business account cannot get an administrator role, nor an administrator account a business role',
  },
  'payload.too_large': { status: 413, zh: '文件过大', en: 'The file is too large' },
  'request.uri_too_long': { status: 414, zh: '请求地址过长', en: 'The request URL is too long' },
  'request.bad_url': {
    status: 400,
    zh: '请求地址编码不正确',
    en: 'The request URL is not correctly encoded',
  },
  'request.unsupported_media_type': {
    status: 415,
    zh: '不支持的请求内容类型',
    en: 'Unsupported content type',
  },
  'request.headers_too_large': { status: 431, zh: '请求头过大', en: 'The request headers are too large' },
  'request.timeout': { status: 408, zh: '请求超时', en: 'The request timed out' },
  'request.malformed': { status: 400, zh: '请求格式错误', en: 'The request is malformed' },
  'database.unavailable': {
    status: 503,
    zh: '数据库暂时不可用，请稍后重试',
    en: 'The database is unavailable for a moment; please try again shortly',
  },
  internal: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} satisfies Record<string, ErrorDef>;

/** Every catalog by module; modules add theirs by declaration merging (see above). */
export interface ErrorCatalogs {
  platform: typeof catalog;
}

/** The union of every registered catalog's codes. */
export type ErrorCode = { [M in keyof ErrorCatalogs]: keyof ErrorCatalogs[M] & string }[keyof ErrorCatalogs];

const errorCatalog: Record<string, ErrorDef> = { ...catalog };

const CJK = /[\u4e00-\u9fff]/;

/**
 * Declare and register a module's catalog. Every code starts with `<module>.`; zh and en are required
 * by the type, and at load time zh must be Chinese, en must not be, and a code may not be taken twice.
 */
export function defineErrors<const M extends string, const C extends Record<string, ErrorDef>>(
  module: M,
  defs: C & { [K in keyof C]: K extends `${M}.${string}` ? ErrorDef : never },
): C {
  for (const [code, def] of Object.entries(defs) as [string, ErrorDef][]) {
    if (!code.startsWith(`${module}.`)) throw new Error(`error code ${code} is not in module ${module}`);
    if (errorCatalog[code]) throw new Error(`error code ${code} registered twice`);
    if (!CJK.test(def.zh) || !def.en.trim() || CJK.test(def.en))
      throw new Error(`error code ${code} needs a Chinese zh and a non-Chinese en text`);
    errorCatalog[code] = def;
  }
  return defs;
}

/**
 * @deprecated Untyped registration, kept so code written before the typed catalogs still loads; its
 * codes are not in `ErrorCode`, so `new DomainError(code)` will not compile: move them to `defineErrors`.
 */
export function registerErrors(defs: Record<string, ErrorDef>): void {
  for (const [code, def] of Object.entries(defs)) {
    if (errorCatalog[code]) throw new Error(`error code ${code} registered twice`);
    errorCatalog[code] = def;
  }
}

const uniqueConstraintCodes = new Map<string, ErrorCode>();

/**
 * A unique index whose violation means a domain rule, not a generic duplicate: two requests that race past
 * the service's own check (e.g. the same child booked twice at once) get the same answer as the one that
 * came second would have got — the module's code instead of `conflict.duplicate`. Mapped in http-errors.ts.
 */
export function uniqueConstraintError(constraint: string, code: ErrorCode): void {
  const known = uniqueConstraintCodes.get(constraint);
  if (known && known !== code) throw new Error(`unique constraint ${constraint} mapped twice`);
  uniqueConstraintCodes.set(constraint, code);
}

/** The domain code for a violated unique index, if a module declared one. */
export function codeOfUniqueConstraint(constraint: string | undefined): ErrorCode | undefined {
  return constraint ? uniqueConstraintCodes.get(constraint) : undefined;
}

/** Every registered code (the platform's and each module's catalog), for the OpenAPI document. */
export function errorCodes(): string[] {
  return Object.keys(errorCatalog);
}

/** The definition of a code (status and zh/en text); unknown codes answer as `internal`. */
export function errorDef(code: string): ErrorDef {
  return errorCatalog[code] ?? catalog.internal;
}

export interface DomainErrorOptions {
  /** Field errors for a 400. */
  errors?: FieldError[];
  /** Allowed alternatives (e.g. the transitions allowed from the current state). */
  allowed?: string[];
  /** Extra detail appended to the catalog text. */
  detailZh?: string;
  detailEn?: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: DomainErrorOptions = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

/** A 400 naming one field and the rule it broke. */
export function fieldError(field: string, rule: string, zh: string, en: string): DomainError {
  return new DomainError('validation.failed', { errors: [{ field, rule, message_zh: zh, message_en: en }] });
}

/** Throw a 400 if any field errors were collected. */
export function throwIfErrors(errors: FieldError[]): void {
  if (errors.length > 0) throw new DomainError('validation.failed', { errors });
}
