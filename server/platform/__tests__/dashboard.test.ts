/** The per-role dashboard: each role sees the numbers of its own jurisdiction, through the guard. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardData, DashboardWidget } from '../../../domain/contracts/dashboard.ts';
import { createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildClasses, buildInstitutionInput } from '../../modules/institutions/factories.ts';

let t: TestApp;
let ownId: string;

/** Moves the test clock to an instant. */
function at(iso: string) {
  t.clock.advance(new Date(iso).getTime() - t.clock.now().getTime());
}

async function create(cookie: string, townCode: string): Promise<{ id: string; version: number }> {
  const created = await t.call('POST', '/api/v1/institutions', {
    cookie,
    body: buildInstitutionInput({ townCode }),
  });
  expect(created.statusCode).toBe(201);
  const withClasses = await t.call('PUT', `/api/v1/institutions/${created.json().id}/classes`, {
    cookie,
    body: { version: created.json().version, classes: buildClasses() },
  });
  expect(withClasses.statusCode).toBe(200);
  return withClasses.json();
}

async function act(cookie: string, inst: { id: string; version: number }, action: string) {
  const res = await t.call('POST', `/api/v1/institutions/${inst.id}/transitions`, {
    cookie,
    body: { action, version: inst.version, reason: '审核意见' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number };
}

async function dashboard(username: string): Promise<DashboardData> {
  const res = await t.call('GET', '/api/v1/dashboard', { cookie: await t.login(username) });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const widget = (d: DashboardData, id: string): DashboardWidget | undefined =>
  d.widgets.find((w) => w.id === id);
const value = (w: DashboardWidget | undefined, key: string) => w?.items.find((i) => i.key === key)?.value;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('town', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  await t.createUser('sysadmin', 'system_admin', { kind: 'division', divisionCode: DISTRICT });

  // Monday 2026-11-02: one filing submitted in 朱家角 (overdue by Friday 2026-12-04).
  at('2026-11-02T02:00:00Z');
  let cookie = await t.login('district');
  await act(cookie, await create(cookie, ZHUJIAJIAO), 'submit');
  // Monday 2026-11-30: a second, within the 5 working days on 2026-12-04; one in 徐泾 filed.
  at('2026-11-30T02:00:00Z');
  cookie = await t.login('district');
  await act(cookie, await create(cookie, ZHUJIAJIAO), 'submit');
  const xujing = await act(cookie, await create(cookie, XUJING), 'submit');
  await act(cookie, xujing, 'approve');
  // A draft in 朱家角 with its own admin.
  ownId = (await create(cookie, ZHUJIAJIAO)).id;
  await t.createUser('own', 'institution_admin', { kind: 'institution', institutionId: ownId });
  at('2026-12-04T02:00:00Z');
});
afterAll(() => t.close());

describe('GET /api/v1/dashboard', () => {
  it('district officer: the whole district, by status and by town, waiting and overdue filings', async () => {
    const d = await dashboard('district');
    expect(d.role).toBe('district_officer');
    const overview = widget(d, 'institutions.overview');
    expect(value(overview, 'institutions')).toBe(4);
    expect(value(overview, 'filingsWaiting')).toBe(2);
    expect(value(overview, 'filingsOverdue')).toBe(1);
    expect(overview?.items.find((i) => i.key === 'filingsOverdue')?.tone).toBe('danger');
    // Only the filed institution offers seats: 10 + 15 + 20 seats, 6 + 12 + 18 enrolled.
    expect(value(overview, 'seats')).toBe(45);
    expect(value(overview, 'enrolled')).toBe(36);
    expect(value(overview, 'occupancyPercent')).toBe(80);
    const byStatus = widget(d, 'institutions.byStatus');
    expect(Object.fromEntries(byStatus?.items.map((i) => [i.key, i.value]) ?? [])).toEqual({
      draft: 1,
      submitted: 2,
      filed: 1,
    });
    const byTown = widget(d, 'institutions.byTown');
    expect(byTown?.kind).toBe('bar');
    expect(value(byTown, ZHUJIAJIAO)).toBe(3);
    expect(value(byTown, XUJING)).toBe(1);
    expect(byTown?.items.find((i) => i.key === XUJING)?.label?.zh).toBe('徐泾镇');
  });

  it('town officer: the same numbers for its town only, by kind instead of by town', async () => {
    const d = await dashboard('town');
    const overview = widget(d, 'institutions.overview');
    expect(value(overview, 'institutions')).toBe(3);
    expect(value(overview, 'filingsWaiting')).toBe(2);
    expect(value(overview, 'filingsOverdue')).toBe(1);
    expect(value(overview, 'seats')).toBe(0);
    // Town officers do not review: the link goes to the filtered list.
    expect(overview?.items.find((i) => i.key === 'filingsWaiting')?.href).toBe(
      '/admin/institutions?status=submitted',
    );
    expect(widget(d, 'institutions.byTown')).toBeUndefined();
    expect(value(widget(d, 'institutions.byKind'), 'childcare_institution')).toBe(3);
  });

  it('institution admin: its own institution, its state and what it has to do', async () => {
    const d = await dashboard('own');
    const own = widget(d, 'institutions.own');
    expect(own?.status).toBe('draft');
    expect(value(own, 'seats')).toBe(45);
    const tasks = widget(d, 'institutions.tasks');
    expect(tasks?.items.map((i) => i.key)).toContain('submit');
    expect(tasks?.items.every((i) => i.href === `/admin/institutions/${ownId}`)).toBe(true);
    expect(widget(d, 'institutions.overview')).toBeUndefined();
  });

  it('other roles get no widgets; anonymous callers get 401', async () => {
    const d = await dashboard('sysadmin');
    expect(d).toEqual({ role: 'system_admin', widgets: [] });
    const anonymous = await t.call('GET', '/api/v1/dashboard');
    expect(anonymous.statusCode).toBe(401);
  });
});
