/** An account's own notifications: notifyRole picks recipients; list, unread count, mark read, mark all. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { auditLog } from '../tables.ts';
import { type NotificationMessage, type Notifier, notifyRole, type Recipient } from './index.ts';

let t: TestApp;
const msg = (n: number, extra: Partial<NotificationMessage> = {}): NotificationMessage => ({
  kind: 'test.note',
  titleZh: `通知 ${n}`,
  titleEn: `Note ${n}`,
  bodyZh: '正文',
  bodyEn: 'Body',
  link: '/admin/institutions',
  ...extra,
});
const notify = (target: Parameters<typeof notifyRole>[1], m: NotificationMessage) =>
  t.database.db.transaction((tx) => notifyRole(tx, target, m, { now: t.clock.now() }));

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('zhujiajiao', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('xujing', 'town_officer', { kind: 'division', divisionCode: XUJING });
});
afterAll(() => t.close());

describe('notifyRole', () => {
  it('reaches the accounts of the role whose jurisdiction covers the scope, once per dedupe key', async () => {
    expect(
      await notify(
        {
          districtCode: DISTRICT,
          role: 'town_officer',
          scope: { kind: 'division', divisionCode: ZHUJIAJIAO },
        },
        msg(1),
      ),
    ).toBe(1);
    expect(await notify({ districtCode: DISTRICT, role: 'town_officer' }, msg(2, { dedupeKey: 'k' }))).toBe(
      2,
    );
    expect(await notify({ districtCode: DISTRICT, role: 'town_officer' }, msg(2, { dedupeKey: 'k' }))).toBe(
      0,
    );
    expect(await notify({ districtCode: '310117', role: 'town_officer' }, msg(3))).toBe(0);
  });
});

describe('Notifier', () => {
  it('hands the recipients and the message to another channel instead of the in-app one', async () => {
    const sent: { recipients: Recipient[]; kind: string }[] = [];
    const gateway: Notifier = {
      async deliver(_tx, _now, recipients, m) {
        sent.push({ recipients, kind: m.kind });
        return recipients.length;
      },
    };
    const n = await t.database.db.transaction((tx) =>
      notifyRole(tx, { districtCode: DISTRICT, role: 'district_officer' }, msg(9, { kind: 'test.sms' }), {
        now: t.clock.now(),
        notifier: gateway,
      }),
    );
    expect(n).toBe(1);
    expect(sent).toEqual([
      { recipients: [{ districtCode: DISTRICT, accountId: expect.any(String) }], kind: 'test.sms' },
    ]);
    const d = await t.login('district');
    expect((await t.call('GET', '/api/v1/notifications', { cookie: d })).json().total).toBe(0);
  });
});

describe('notifications API', () => {
  it('lists only the caller’s notifications, newest first, with the unread count', async () => {
    const z = await t.login('zhujiajiao');
    const page = (await t.call('GET', '/api/v1/notifications', { cookie: z })).json();
    expect(page.total).toBe(2);
    expect(page.items.map((i: { titleEn: string }) => i.titleEn).sort()).toEqual(['Note 1', 'Note 2']);
    expect((await t.call('GET', '/api/v1/notifications/unread-count', { cookie: z })).json()).toEqual({
      unread: 2,
    });
    const x = await t.login('xujing');
    expect((await t.call('GET', '/api/v1/notifications', { cookie: x })).json().total).toBe(1);
    const d = await t.login('district');
    expect((await t.call('GET', '/api/v1/notifications', { cookie: d })).json().total).toBe(0);
  });

  it('marks one read (audited), refuses another account’s notification, then marks all read', async () => {
    const z = await t.login('zhujiajiao');
    const x = await t.login('xujing');
    const [theirs] = (await t.call('GET', '/api/v1/notifications', { cookie: x })).json().items;
    expect((await t.call('POST', `/api/v1/notifications/${theirs.id}/read`, { cookie: z })).statusCode).toBe(
      404,
    );
    const items = (await t.call('GET', '/api/v1/notifications?unread=true', { cookie: z })).json().items;
    const read = await t.call('POST', `/api/v1/notifications/${items[0].id}/read`, { cookie: z });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe(t.clock.now().toISOString());
    expect((await t.call('GET', '/api/v1/notifications/unread-count', { cookie: z })).json().unread).toBe(1);
    const all = await t.call('POST', '/api/v1/notifications/read-all', { cookie: z });
    expect(all.json()).toEqual({ marked: 1 });
    expect((await t.call('GET', '/api/v1/notifications/unread-count', { cookie: z })).json().unread).toBe(0);
    expect((await t.call('GET', '/api/v1/notifications/unread-count', { cookie: x })).json().unread).toBe(1);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.objectType, 'notification'));
    expect(audit.map((a) => a.action).sort()).toEqual(['notifications.read', 'notifications.read_all']);
  });

  it('answers bad input with a 400 and anonymous callers with a 401', async () => {
    const z = await t.login('zhujiajiao');
    const bad = await t.call('POST', '/api/v1/notifications/nope/read', { cookie: z });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'params.id' });
    expect((await t.call('GET', '/api/v1/notifications?pageSize=1000', { cookie: z })).statusCode).toBe(400);
    expect((await t.call('GET', '/api/v1/notifications/unread-count')).statusCode).toBe(401);
  });
});
