/**
 * `npm run create-admin -- <username> <system_admin|security_admin|audit_admin> [district]`
 * Creates one of the three administrator accounts on the configured database (the only way to create
 * a security_admin). The password comes from ADMIN_PASSWORD or is generated and printed once; it must
 * be changed at first login.
 */
import { ADMIN_ROLES, type Role, usernameSchema } from '../domain/contracts/auth.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedReference } from '../server/db/reference.ts';
import { generatePassword } from '../server/demo/accounts.ts';
import { recordAudit, sealAudit } from '../server/platform/audit/service.ts';
import { scopeColumns } from '../server/platform/auth/sessions.ts';
import { uuidv7 } from '../server/platform/ids.ts';
import { checkPasswordPolicy, hashPassword } from '../server/platform/passwords.ts';
import { users } from '../server/platform/tables.ts';
import { openConfiguredDatabase } from './open-configured.ts';

const [username, role, districtArg] = process.argv.slice(2);
const fail = (msg: string) => {
  console.error(msg);
  process.exit(2);
};
if (!username || !role)
  fail('usage: npm run create-admin -- <username> <system_admin|security_admin|audit_admin> [district]');
if (!usernameSchema.safeParse(username).success) fail('username: 3–64 of a-z 0-9 . _ - / 用户名格式不正确');
if (!(ADMIN_ROLES as readonly string[]).includes(role!))
  fail(`role must be one of ${ADMIN_ROLES.join(', ')} / 角色须为三员之一`);
const { config, database: pending } = openConfiguredDatabase();
const district = districtArg ?? config.districtCode;
const password = process.env.ADMIN_PASSWORD ?? generatePassword();
const problems = checkPasswordPolicy(password, username!);
if (problems.length) fail(problems.map((p) => `${p.message_zh} / ${p.message_en}`).join('\n'));
const database = await pending;
await migrate(database);
await seedReference(database.db);
const now = new Date();
const id = uuidv7();
try {
  await database.db.transaction(async (tx) => {
    await tx.insert(users).values({
      districtCode: district,
      id,
      username: username!,
      displayName: role!,
      passwordHash: await hashPassword(password),
      role: role as Role,
      ...scopeColumns({ kind: 'division', divisionCode: district }),
      mustChangePassword: true,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(
      tx,
      { actor: null, districtCode: district, ip: null, requestId: null, now },
      { action: 'users.create_admin_cli', objectType: 'user', objectId: id, changes: { username, role } },
    );
  });
} catch (e) {
  await database.close();
  fail(
    `could not create ${username}: ${(e as { cause?: { code?: string } }).cause?.code === '23505' ? 'username exists / 用户名已存在' : 'database error'}`,
  );
}
await sealAudit(database.db);
await database.close();
console.log(`created ${role} ${username} in ${district}`);
if (!process.env.ADMIN_PASSWORD) console.log(`password (shown once, change it at first login): ${password}`);
