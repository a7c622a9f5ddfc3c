/** The demo accounts, one per role (README lists them). Synthetic people only. */
import { randomInt } from 'node:crypto';
import type { Role, Scope } from '../../domain/contracts/auth.ts';
import type { Db } from '../db/client.ts';
import { scopeColumns } from '../platform/auth/sessions.ts';
import { hashPassword } from '../platform/passwords.ts';
import { users } from '../platform/tables.ts';
import type { Rng } from './rng.ts';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
}

/** The accounts; `institutionId` is the demo institution in 朱家角镇, `familyId` the demo family. */
export function demoAccounts(district: string, institutionId: string, familyId: string): DemoAccount[] {
  const d: Scope = { kind: 'division', divisionCode: district };
  return [
    { username: 'district', displayName: '区托育服务指导中心 王老师', role: 'district_officer', scope: d },
    // A second district officer: four-eyes confirmations (the working-day calendar, ADR 0011).
    { username: 'district2', displayName: '区托育服务指导中心 孙老师', role: 'district_officer', scope: d },
    {
      username: 'town-zhujiajiao',
      displayName: '朱家角镇 李老师',
      role: 'town_officer',
      scope: { kind: 'division', divisionCode: `${district}102` },
    },
    {
      username: 'town-xujing',
      displayName: '徐泾镇 张老师',
      role: 'town_officer',
      scope: { kind: 'division', divisionCode: `${district}106` },
    },
    { username: 'inspector', displayName: '检查员 陈工', role: 'inspector', scope: d },
    {
      username: 'institution',
      displayName: '机构负责人 刘园长',
      role: 'institution_admin',
      scope: { kind: 'institution', institutionId },
    },
    { username: 'health', displayName: '社区卫生服务中心 周医生', role: 'health_worker', scope: d },
    {
      username: 'guidance',
      displayName: '朱家角镇育儿指导站 吴老师',
      role: 'guidance_staff',
      scope: { kind: 'division', divisionCode: `${district}102` },
    },
    { username: 'parent', displayName: '家长 赵女士', role: 'parent', scope: { kind: 'family', familyId } },
    { username: 'evaluator', displayName: '第三方评估机构 钱老师', role: 'evaluator', scope: d },
    { username: 'department', displayName: '区教育局 联络员 郑老师', role: 'department', scope: d },
    { username: 'sysadmin', displayName: '系统管理员', role: 'system_admin', scope: d },
    { username: 'secadmin', displayName: '安全管理员', role: 'security_admin', scope: d },
    { username: 'auditor', displayName: '审计管理员', role: 'audit_admin', scope: d },
  ];
}

/** A random password that meets the policy (printed once; never a fixed default). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let s = '';
  for (let i = 0; i < 12; i++) s += alphabet[randomInt(alphabet.length)];
  return `Ty-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}7`;
}

/** Insert the demo accounts with one password; answers username → id. */
export async function seedDemoAccounts(
  db: Db,
  district: string,
  accounts: DemoAccount[],
  password: string,
  now: Date,
  rng: Rng,
): Promise<Map<string, string>> {
  const passwordHash = await hashPassword(password);
  const ids = new Map(accounts.map((a) => [a.username, rng.uuid(now.getTime())]));
  await db.insert(users).values(
    accounts.map((a) => ({
      districtCode: district,
      id: ids.get(a.username) as string,
      username: a.username,
      displayName: a.displayName,
      passwordHash,
      role: a.role,
      ...scopeColumns(a.scope),
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return ids;
}
