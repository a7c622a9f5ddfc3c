import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedDraw } from '../../../domain/contracts/supervision.ts';
import { checkAssignments, verifyPublishedDraw } from '../../../domain/supervision/verify.ts';
import { createTestApp, DISTRICT, PASSWORD, type TestApp } from '../../../test/app.ts';
import { seedDemo } from '../../demo/seed.ts';

let t: TestApp;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
const NOW = new Date('2026-06-15T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedDemo(t.database.db, {
    district: DISTRICT,
    password: PASSWORD,
    dataDir: '.tmp/demo-supervision',
    now: NOW,
  });
});
afterAll(() => t.close());

describe('supervision demo', () => {
  it('lists the accounts it adds with the demo accounts (npm start prints them)', () => {
    expect(seeded.usernames).toEqual(expect.arrayContaining(['inspector2', 'institution-zjj']));
    expect(seeded.usernames[0]).toBe('district');
  });

  it('holds monthly draws for the year so far; every drawn one verifies from its public data', async () => {
    const list = (await t.call('GET', '/api/v1/public/supervision/draws')).json().items as {
      id: string;
      month: string;
      status: string;
      divisionCode: string;
    }[];
    const district = list.filter((p) => p.divisionCode === DISTRICT);
    expect(district.map((p) => p.month).sort()).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(district.find((p) => p.month === '2026-06')!.status).toBe('committed');
    for (const p of list.filter((x) => x.status === 'drawn')) {
      const d = (await t.call('GET', `/api/v1/public/supervision/draws/${p.id}`)).json() as PublishedDraw;
      expect(verifyPublishedDraw(d).verified).toBe(true);
      expect(checkAssignments(d.result!, d.conflicts)).toEqual([]);
    }
    // The inspector account sees the district's plans.
    const mine = await t.call('GET', '/api/v1/supervision/draw-plans', {
      cookie: await t.login('inspector'),
    });
    expect(mine.json().items.length).toBe(list.length);
  });

  it('inspections are filled and signed, rectification items are in every state, some overdue; the journey task is open', async () => {
    const district = await t.login('district');
    const ins = (await t.call('GET', '/api/v1/supervision/inspections', { cookie: district })).json()
      .items as {
      status: string;
      month: string;
      inspectorNames: string[];
      institutionId: string;
    }[];
    expect(ins.filter((i) => i.status === 'signed').length).toBeGreaterThan(10);
    expect(ins.some((i) => i.status === 'open' && i.month === '2026-05')).toBe(true);
    const rect = (await t.call('GET', '/api/v1/supervision/rectifications', { cookie: district })).json()
      .items as { status: string; overdue: boolean; returnReason: string | null }[];
    expect(new Set(rect.map((r) => r.status))).toEqual(new Set(['open', 'evidence_submitted', 'closed']));
    expect(rect.some((r) => r.overdue)).toBe(true);
    expect(rect.some((r) => r.status === 'open' && !r.overdue)).toBe(true);
    expect(rect.some((r) => r.status === 'open' && r.returnReason)).toBe(true);
    // The journey: the demo inspector and inspector2 share an open task at the institution-zjj account's institution.
    const mine = (
      await t.call('GET', '/api/v1/supervision/inspections?mine=true&status=open', {
        cookie: await t.login('inspector2'),
      })
    ).json().items as { id: string; institutionId: string; inspectorNames: string[] }[];
    // The pair may share more than one open task (the district plan can pair them too); the journey's
    // is the one at institution-zjj's institution.
    const zjj = await t.login('institution-zjj');
    const theirs = (
      await t.call('GET', '/api/v1/supervision/inspections?status=open', { cookie: zjj })
    ).json().items as { id: string }[];
    const task = mine.find(
      (i) => i.inspectorNames.includes('检查员 陈工') && theirs.some((x) => x.id === i.id),
    );
    expect(task).toBeDefined();
    const own = await t.call('GET', `/api/v1/supervision/inspections/${task!.id}`, { cookie: zjj });
    expect(own.statusCode).toBe(200);
  });
});

describe('supervision demo: escalation', () => {
  it('opens with overdue open items escalated (audited as system:jobs) and their institutions 整改中; a run today finds nothing new', async () => {
    const q = async (text: string) =>
      ((await t.database.db.execute(text)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    const pending = `select count(*)::int as n from supervision_rectifications
      where status = 'open' and deadline < '2026-06-15' and escalated_at is null`;
    expect(await q(pending)).toBe(0);
    const escalated = await q(
      `select count(*)::int as n from supervision_rectifications where escalated_at is not null`,
    );
    expect(escalated).toBeGreaterThan(0);
    expect(
      await q(`select count(*)::int as n from audit_log
        where action = 'supervision.rectification_escalate' and actor_username = 'system:jobs'`),
    ).toBe(escalated);
    expect(
      await q(`select count(distinct i.id)::int as n from institutions i join supervision_rectifications r
        on r.district_code = i.district_code and r.institution_id = i.id
        where r.escalated_at is not null and i.status = 'rectifying'`),
    ).toBeGreaterThan(0);
  });
});

describe('supervision demo: joint special checks', () => {
  it('a finished district fire-safety check and a town food-safety check under way, teams of two departments', async () => {
    // The demo's day (the statuses are of the request's day); sessions start after the move.
    t.clock.advance(NOW.getTime() - t.clock.now().getTime());
    const district = await t.login('district');
    const list = (await t.call('GET', '/api/v1/supervision/special-checks', { cookie: district })).json()
      .items as {
      id: string;
      level: string;
      status: string;
      targets: number;
      signed: number;
      findings: number;
    }[];
    expect(list.map((c) => [c.level, c.status, c.targets, c.signed, c.findings])).toEqual([
      ['town', 'in_progress', 3, 1, 1],
      ['district', 'completed', 3, 3, 0],
    ]);
    for (const c of list) {
      const d = (
        await t.call('GET', `/api/v1/supervision/special-checks/${c.id}`, { cookie: district })
      ).json();
      for (const team of d.teams as { members: { unit: string }[]; inspection: { kind: string } }[]) {
        expect(new Set(team.members.map((m) => m.unit)).size).toBeGreaterThanOrEqual(2);
        expect(team.inspection.kind).toBe('special');
      }
    }
    // The journey inspector's task list holds no joint-check team.
    const mine = await t.call('GET', '/api/v1/supervision/inspections?mine=true&kind=special', {
      cookie: await t.login('inspector'),
    });
    expect(mine.json().items).toEqual([]);
  });
});
