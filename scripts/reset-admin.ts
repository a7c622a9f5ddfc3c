/**
 * `npm run reset-admin -- <username> [district]`
 * Resets the password of one of the three administrator accounts on the configured database (the API
 * refuses to: ADR 0010). A new password is generated and printed once; it must be changed at the next
 * login. The account is unlocked, its sessions end, and the reset is audited.
 */
import os from 'node:os';
import { usernameSchema } from '../domain/contracts/auth.ts';
import { migrate } from '../server/db/migrate.ts';
import { generatePassword } from '../server/demo/accounts.ts';
import { sealAudit } from '../server/platform/audit/service.ts';
import { DomainError, errorDef } from '../server/platform/errors.ts';
import { resetAdminPassword } from '../server/platform/users/reset-admin.ts';
import { openConfiguredDatabase } from './open-configured.ts';

const [username, districtArg] = process.argv.slice(2);
const fail = (msg: string): never => {
  console.error(msg);
  process.exit(2);
};
if (!username) fail('usage: npm run reset-admin -- <username> [district]');
if (!usernameSchema.safeParse(username).success) fail('username: 3–64 of a-z 0-9 . _ - / 用户名格式不正确');
if (districtArg !== undefined && !/^\d{6}$/.test(districtArg))
  fail('district: 6 digits / 区代码须为 6 位数字');
const { config, database: pending } = openConfiguredDatabase();
const district = districtArg ?? config.districtCode;
const password = generatePassword();
const database = await pending;
await migrate(database);
let operator = 'unknown';
try {
  operator = os.userInfo().username;
} catch {}
try {
  const { role } = await resetAdminPassword(database.db, {
    username: username!,
    district,
    password,
    now: new Date(),
    operator,
  });
  await sealAudit(database.db);
  await database.close();
  console.log(`reset ${role} ${username} in ${district}; sessions ended, account unlocked, audited`);
  console.log(`new password (shown once, must be changed at next login): ${password}`);
} catch (e) {
  await database.close();
  if (e instanceof DomainError) {
    const def = errorDef(e.code);
    fail(
      e.code === 'not_found'
        ? `no account ${username} in ${district} / 该区没有此账号`
        : `${def.zh}${e.options.detailZh ? `：${e.options.detailZh}` : ''} / ${def.en}${e.options.detailEn ? `: ${e.options.detailEn}` : ''}`,
    );
  }
  fail('could not reset: database error / 数据库错误');
}
