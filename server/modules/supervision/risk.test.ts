/**
 * Risk per institution (issue 10) on the demo district: the list's scores follow the rule from their
 * signals, highest first; the signals match the records; a town officer sees its town; the draw pools
 * carry the weights, frozen at the commitment, so a draw still runs after risk has moved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicIntegrity } from '../../../domain/contracts/supervision-integrity.ts';
import type { RiskAnswer } from '../../../domain/contracts/supervision-risk.ts';
import { drawWeightOf, riskLevel, riskScore } from '../../../domain/supervision/risk.ts';
import { createTestApp, DISTRICT, PASSWORD, type TestApp } from '../../../test/app.ts';
import { seedDemo } from '../../demo/seed.ts';
import { monthsBefore } from './integrity.ts';
import { currentPools } from './service.ts';

let t: TestApp;
const NOW = new Date('2026-06-15T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, {
    district: DISTRICT,
    password: PASSWORD,
    dataDir: '.tmp/demo-risk',
    now: NOW,
  });
  t.clock.advance(NOW.getTime() - t.clock.now().getTime());
}, 240_000);
afterAll(() => t.close());

const get = async (who: string, url: string) => t.call('GET', url, { cookie: await t.login(who) });
const rows = async (q: string) =>
  ((await t.database.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;

describe('risk list', () => {
  it('scores every institution in service from its signals, highest first; some are high', async () => {
    const res = await get('district', '/api/v1/supervision/risk');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as RiskAnswer;
    expect(a.complaintsRecorded).toBe(true);
    expect(a.items.length).toBeGreaterThan(50);
    for (const i of a.items) {
      expect(i.signals.complaints).not.toBeNull();
      expect(i.score).toBe(riskScore(i.signals));
      expect(i.level).toBe(riskLevel(i.score));
      expect(i.drawWeight).toBe(drawWeightOf(i.signals));
    }
    const scores = a.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(a.counts.high + a.counts.elevated).toBeGreaterThan(0);
    expect(a.items.some((i) => i.drawWeight > 1)).toBe(true);
    // the overdue count of the top institution is what the records hold
    const top = a.items[0]!;
    const [n] = await rows(
      `select count(*)::int as n from supervision_rectifications where institution_id = '${top.institutionId}' and status <> 'closed' and deadline < '2026-06-15'`,
    );
    expect(top.signals.overdueRectifications).toBe(n!.n);
    // complaints: open, or closed as substantiated, submitted in the last 12 months (demo complaints)
    const counted = await rows(
      `select institution_id as id, count(*)::int as n from supervision_complaints where created_at > '2025-06-15T02:00:00Z' and created_at <= '2026-06-15T02:00:00Z' and (status <> 'closed' or substantiated) group by institution_id`,
    );
    expect(counted.length).toBeGreaterThan(0);
    for (const c of counted)
      expect(a.items.find((i) => i.institutionId === c.id)?.signals.complaints).toBe(c.n);
    expect(a.items.filter((i) => i.signals.complaints! > 0)).toHaveLength(counted.length);
    const high = (await get('district', '/api/v1/supervision/risk?level=high')).json() as RiskAnswer;
    expect(high.items.every((i) => i.level === 'high')).toBe(true);
    expect(high.items).toHaveLength(a.counts.high);
  });

  it('a town officer sees its town only; an inspector or institution admin is refused; bad input names the field', async () => {
    const town = (await get('town-zhujiajiao', '/api/v1/supervision/risk')).json() as RiskAnswer;
    expect(town.items.length).toBeGreaterThan(0);
    expect(town.items.every((i) => i.townCode.startsWith('310118102'))).toBe(true);
    expect((await get('inspector', '/api/v1/supervision/risk')).statusCode).toBe(403);
    expect((await get('institution', '/api/v1/supervision/risk')).statusCode).toBe(403);
    const bad = await get('district', '/api/v1/supervision/risk?townCode=31011');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.townCode');
  });

  it('the committed plan carries the weights; the draw runs after risk has moved (weights frozen)', async () => {
    const [plan] = await rows(
      `select id, targets from supervision_draw_plans where status = 'committed' and division_code = '${DISTRICT}' order by month desc limit 1`,
    );
    expect(plan).toBeTruthy();
    const weights = (plan!.targets as { id: string; weight: number }[]).map((x) => x.weight);
    expect(weights.every((w) => Number.isInteger(w) && w >= 1)).toBe(true);
    expect(weights.some((w) => w > 1)).toBe(true);
    // Three weeks on: more rectifications are overdue, so today's weights differ from the frozen ones.
    t.clock.advance(21 * 86_400_000);
    const today = await currentPools(t.database.db, DISTRICT, DISTRICT, t.clock.now());
    const frozen = new Map((plan!.targets as { id: string; weight: number }[]).map((x) => [x.id, x.weight]));
    expect(today.targets.some((x) => frozen.get(x.id) !== x.weight)).toBe(true);
    const res = await t.call('POST', `/api/v1/supervision/draw-plans/${plan!.id}/draw`, {
      cookie: await t.login('district'),
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('integrity record on the public page', () => {
  it('lists the serious findings, late rectification and commendations of the period, newest first', async () => {
    const now = t.clock.now();
    const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const since = monthsBefore(today, 36);
    const [inst] = await rows(
      `select r.institution_id as id, count(*)::int as n from supervision_rectifications r join institutions i on i.district_code = r.district_code and i.id = r.institution_id
       where r.severity = 'serious' and i.status in ('filed', 'operating') group by r.institution_id order by n desc limit 1`,
    );
    expect(inst).toBeTruthy();
    const res = await t.call('GET', `/api/v1/public/supervision/institutions/${inst!.id}/integrity`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as PublicIntegrity;
    expect(a).toMatchObject({ months: 36, since });
    expect(a.items.filter((i) => i.kind === 'serious_finding')).toHaveLength(inst!.n as number);
    const [late] = await rows(
      `select count(*)::int as n from supervision_rectifications where institution_id = '${inst!.id}' and deadline >= '${since}'
       and ((status <> 'closed' and deadline < '${today}') or (status = 'closed' and (closed_at at time zone 'Asia/Shanghai')::date > deadline))`,
    );
    expect(a.items.filter((i) => i.kind === 'overdue_rectification')).toHaveLength(late!.n as number);
    const dates = a.items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const i of a.items) {
      expect(i.zh).toBeTruthy();
      expect(i.en).toBeTruthy();
      expect(i.zh).not.toMatch(/^[a-z0-9-]+$/); // the item's words, not its code
    }
    // a demonstration institution shows its commendation
    const [demo] = await rows(
      `select p.institution_id as id from quality_participants p join institutions i on i.district_code = p.district_code and i.id = p.institution_id
       where p.demonstration and i.status in ('filed', 'operating') limit 1`,
    );
    expect(demo).toBeTruthy();
    const c = (await t.call('GET', `/api/v1/public/supervision/institutions/${demo!.id}/integrity`)).json();
    expect(c.items.some((i: { kind: string }) => i.kind === 'commendation')).toBe(true);
  });

  it('a draft or unknown institution is not found; a bad id names the field', async () => {
    const [draft] = await rows(`select id from institutions where status = 'draft' limit 1`);
    const url = (id: string) => `/api/v1/public/supervision/institutions/${id}/integrity`;
    expect((await t.call('GET', url(draft!.id as string))).statusCode).toBe(404);
    expect((await t.call('GET', url('0190f5a0-0000-7000-8000-000000000000'))).statusCode).toBe(404);
    const bad = await t.call('GET', url('nope'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('params.id');
  });

  it('counts the period back in calendar months (the day clamped)', () => {
    expect(monthsBefore('2026-06-15', 36)).toBe('2023-06-15');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-10', 13)).toBe('2024-12-10');
  });
});

describe('annual visit coverage', () => {
  it('lists the institutions in service not visited this year and schedules them by town over the months left', async () => {
    const res = await get('district', '/api/v1/supervision/visits/coverage');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    const year = a.year as number;
    const [n] = await rows(
      `select count(*)::int as n from institutions where status in ('operating', 'rectifying')`,
    );
    expect(a.total).toBe(n!.n);
    const [visited] = await rows(
      `select count(distinct institution_id)::int as n from supervision_inspections i join institutions s on s.district_code = i.district_code and s.id = i.institution_id
       where i.kind = 'draw' and i.status = 'signed' and i.month like '${year}-%' and s.status in ('operating', 'rectifying')`,
    );
    expect(a.visited).toBe(visited!.n);
    expect(a.unvisited).toHaveLength(a.total - a.visited);
    expect(a.unvisited.length).toBeGreaterThan(0);
    const months = a.schedule.map((m: { month: string }) => m.month);
    expect(months[0]).toBe(a.asOf.slice(0, 7));
    expect(months.at(-1)).toBe(`${year}-12`);
    expect(a.schedule.reduce((s: number, m: { total: number }) => s + m.total, 0)).toBe(a.unvisited.length);
    const town = (await get('town-zhujiajiao', '/api/v1/supervision/visits/coverage')).json();
    expect(town.unvisited.every((u: { townCode: string }) => u.townCode === '310118102')).toBe(true);
    expect((await get('inspector', '/api/v1/supervision/visits/coverage')).statusCode).toBe(403);
    const bad = await get('district', '/api/v1/supervision/visits/coverage?townCode=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.townCode');
  });
});

describe('results disclosed on the portal', () => {
  it('a drawn plan’s results: public from the signing day, within 20 working days, findings as recorded', async () => {
    const [plan] = await rows(
      `select p.id from supervision_draw_plans p where p.status = 'drawn' and exists (select 1 from supervision_inspections i where i.plan_id = p.id and i.status = 'signed') order by p.month desc limit 1`,
    );
    const res = await t.call('GET', `/api/v1/public/supervision/draws/${plan!.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      institutionId: string;
      status: string;
      signedOn: string | null;
      dueOn: string | null;
      findings: { minor: number; major: number; serious: number };
      rectified: number;
    }[];
    const [n] = await rows(
      `select count(*)::int as n from supervision_inspections where plan_id = '${plan!.id}'`,
    );
    expect(items).toHaveLength(n!.n as number);
    const signed = items.filter((i) => i.status === 'signed');
    expect(signed.length).toBeGreaterThan(0);
    for (const i of signed) {
      expect(i.signedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(i.dueOn! > i.signedOn!).toBe(true);
      const [f] = await rows(
        `select count(*)::int as n, count(*) filter (where r.status = 'closed')::int as closed from supervision_rectifications r join supervision_inspections s on s.id = r.inspection_id
         where s.plan_id = '${plan!.id}' and s.institution_id = '${i.institutionId}'`,
      );
      expect(i.findings.minor + i.findings.major + i.findings.serious).toBe(f!.n);
      expect(i.rectified).toBe(f!.closed);
    }
    for (const i of items.filter((x) => x.status === 'open')) {
      expect(i.signedOn).toBeNull();
      expect(i.findings).toEqual({ minor: 0, major: 0, serious: 0 });
    }
    expect(
      (await t.call('GET', '/api/v1/public/supervision/draws/0190f5a0-0000-7000-8000-000000000000/results'))
        .statusCode,
    ).toBe(404);
  });
});
