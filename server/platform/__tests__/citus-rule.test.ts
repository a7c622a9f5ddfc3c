/**
 * The Citus rule, proven on the real statements (issue 15). Each journey below drives a module's list,
 * get, update and export requests through the app; every SQL statement the app sends meanwhile is
 * captured at the driver (pg's Client.query on PostgreSQL, the PGlite instance otherwise), run again
 * under EXPLAIN (FORMAT JSON), and the plan is checked by planProblems() (scripts/citus-ddl.ts): a scan
 * of a tenant table without a district_code equality, or a join of two tenant tables not tied by
 * district_code, fails the test with the statement. Also: docs/DEPLOY.md's Citus block equals the one
 * generated from the schema, and the schema's tables are exactly the database's.
 *
 * Adding a module: append a Journey to JOURNEYS (its setup creates what the requests need; `run` sends
 * the list/get/update/export requests whose statements are checked). Nothing else changes.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, isNotNull } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  citusDdl,
  DEPLOY_DOC,
  documentedDdl,
  planProblems,
  tenantTables,
} from '../../../scripts/citus-ddl.ts';
import { createTestApp, DISTRICT, type TestApp } from '../../../test/app.ts';
import { buildFamily, childIdFor } from '../../../test/factories/families.ts';
import { creditCodeFor, csvText, multipartBody } from '../../../test/factories/inputs.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { buildPlan } from '../../../test/factories/plan.ts';
import { buildQualityRound } from '../../../test/factories/quality.ts';
import { buildStaff } from '../../../test/factories/workforce.ts';
import { Rng } from '../../demo/rng.ts';
import { deliverWebhooks } from '../../modules/exchange/webhooks.ts';
import { seedInstitutionsDemo } from '../../modules/institutions/demo.ts';
import { buildInstitutionInput } from '../../modules/institutions/factories.ts';
import { seedNationalSyncDemo } from '../../modules/institutions/national-sync-demo.ts';
import { institutions } from '../../modules/institutions/tables.ts';
import { SUBSIDY_COLUMNS } from '../../modules/subsidy/import.ts';
import { recordAudit } from '../audit/service.ts';
import { systemContext } from '../jobs/index.ts';
import { probeNetworks } from '../probe-network.ts';

/** The exchange journey's webhook receiver listens on 127.0.0.1 (allowed for this test only). */
const WEBHOOKS_HERE = { networks: probeNetworks('127.0.0.0/8', 'WEBHOOK_NETWORKS'), allowHttp: true };

interface Journey {
  module: string;
  /** Create what the requests need (not checked). Returns a session cookie. */
  setup(t: TestApp): Promise<{ cookie: string; state: Record<string, string> }>;
  /** The requests whose statements are checked. */
  run(t: TestApp, cookie: string, state: Record<string, string>): Promise<void>;
}

const ok = <R extends { statusCode: number; body: string }>(res: R, what: string): R => {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res;
};

const JOURNEYS: Journey[] = [
  {
    module: 'institutions',
    async setup(t) {
      await seedInstitutionsDemo(t.database.db, { district: DISTRICT, rng: new Rng(15), now: t.clock.now() });
      await t.createUser('citus-district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
      const cookie = await t.login('citus-district');
      const created = ok(
        await t.call('POST', '/api/v1/institutions', { cookie, body: buildInstitutionInput({}) }),
        'create',
      ).json() as { id: string; version: number };
      await seedNationalSyncDemo(t.database.db, { district: DISTRICT, now: t.clock.now() });
      const [filed] = await t.database.db
        .select({ id: institutions.id, version: institutions.version })
        .from(institutions)
        .where(
          and(
            eq(institutions.districtCode, DISTRICT),
            isNotNull(institutions.filedAt),
            eq(institutions.status, 'operating'),
          ),
        )
        .limit(1);
      return {
        cookie,
        state: {
          id: created.id,
          version: String(created.version),
          filedId: filed!.id,
          filedVersion: String(filed!.version),
        },
      };
    },
    async run(t, cookie, { id, version, filedId, filedVersion }) {
      ok(await t.call('GET', '/api/v1/institutions?pageSize=20&q=托育', { cookie }), 'list');
      ok(await t.call('GET', '/api/v1/institutions?sort=name&status=draft', { cookie }), 'list by status');
      ok(await t.call('GET', `/api/v1/institutions/${id}`, { cookie }), 'get');
      ok(
        await t.call('PATCH', `/api/v1/institutions/${id}`, {
          cookie,
          body: { version: Number(version), openingHours: '07:30-18:00' },
        }),
        'update',
      );
      // An edit of a filed institution that changes its national record (kept as a change record).
      ok(
        await t.call('PATCH', `/api/v1/institutions/${filedId}`, {
          cookie,
          body: { version: Number(filedVersion), address: '上海市青浦区城中北路 88 号' },
        }),
        'update filed',
      );
      // The sync list answers the recorded rows also without NATIONAL_FILING_URL (this app has none).
      ok(await t.call('GET', '/api/v1/institutions/national-sync', { cookie }), 'national sync list');
      ok(
        await t.call('GET', '/api/v1/institutions/national-sync?state=differs', { cookie }),
        'sync by state',
      );
      ok(await t.call('GET', '/api/v1/institutions/export?format=csv', { cookie }), 'export');
      ok(
        await t.call(
          'GET',
          '/api/v1/institutions/national-filings/export?format=csv&from=2025-03-03&to=2026-03-02',
          {
            cookie,
          },
        ),
        'national filings export',
      );
      ok(await t.call('GET', '/api/v1/public/institutions?lat=31.15&lng=121.12', {}), 'public search');
      ok(
        await t.call('GET', '/api/v1/public/institutions?ageMonths=20&sort=name', {}),
        'public search by name',
      );
    },
  },
  {
    module: 'supervision',
    async setup(t) {
      // The institutions journey's demo institutions are the pool; three inspectors make a draw possible.
      await t.createUser('citus-sup', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
      for (const u of ['citus-insp1', 'citus-insp2', 'citus-insp3'])
        await t.createUser(u, 'inspector', { kind: 'division', divisionCode: DISTRICT });
      const cookie = await t.login('citus-sup');
      const month = t.clock.now().toISOString().slice(0, 7);
      const plan = ok(
        await t.call('POST', '/api/v1/supervision/draw-plans', {
          cookie,
          body: { month, divisionCode: DISTRICT, sampleSize: 2 },
        }),
        'commit',
      ).json() as { id: string };
      ok(await t.call('POST', `/api/v1/supervision/draw-plans/${plan.id}/draw`, { cookie }), 'draw');
      const list = ok(await t.call('GET', '/api/v1/supervision/inspections', { cookie }), 'inspections');
      const first = (list.json() as { items: { id: string }[] }).items[0]!;
      return { cookie, state: { planId: plan.id, inspectionId: first.id } };
    },
    async run(t, cookie, { planId, inspectionId }) {
      ok(await t.call('GET', '/api/v1/supervision/draw-plans', { cookie }), 'plans');
      ok(await t.call('GET', `/api/v1/supervision/draw-plans/${planId}`, { cookie }), 'plan');
      ok(await t.call('GET', '/api/v1/supervision/checklists', { cookie }), 'checklists');
      ok(await t.call('GET', '/api/v1/supervision/risk', { cookie }), 'risk');
      ok(await t.call('GET', '/api/v1/supervision/inspections?status=open', { cookie }), 'inspections');
      ok(await t.call('GET', `/api/v1/supervision/inspections/${inspectionId}`, { cookie }), 'inspection');
      ok(
        await t.call('GET', '/api/v1/supervision/rectifications?overdue=true', { cookie }),
        'rectifications',
      );
      ok(await t.call('GET', `/api/v1/public/supervision/draws/${planId}`, {}), 'public draw');
    },
  },
  {
    module: 'families',
    async setup(t) {
      const a = await buildFamily(t.database.db, { seq: 901, district: DISTRICT, now: t.clock.now() });
      await buildFamily(t.database.db, { seq: 902, district: DISTRICT, now: t.clock.now() });
      await t.createUser('citus-fam', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
      return { cookie: await t.login('citus-fam'), state: { familyId: a.familyId } };
    },
    async run(t, cookie, { familyId }) {
      ok(await t.call('GET', '/api/v1/families?pageSize=20', { cookie }), 'families');
      ok(await t.call('GET', `/api/v1/families/${familyId}`, { cookie }), 'family');
      ok(await t.call('GET', '/api/v1/families/communities', { cookie }), 'communities');
      ok(await t.call('GET', '/api/v1/families/visits', { cookie }), 'visits');
      ok(await t.call('GET', '/api/v1/families/visits/coverage', { cookie }), 'coverage');
      ok(await t.call('GET', '/api/v1/families/slots', { cookie }), 'slots');
      ok(await t.call('GET', '/api/v1/families/applications', { cookie }), 'applications');
      const base = {
        kind: 'early_development_base',
        name: 'Citus 检查基地',
        townCode: '310118102',
        address: '朱家角镇检查路 1 号',
        lat: 31.11,
        lng: 121.05,
        openedYear: 2024,
      };
      const created = await t.call('POST', '/api/v1/families/facilities', { cookie, body: base });
      ok(created, 'facility create');
      const facility = created.json().id as string;
      ok(await t.call('GET', '/api/v1/families/facilities?year=2025&q=Citus', { cookie }), 'facilities');
      ok(await t.call('GET', `/api/v1/families/facilities/${facility}`, { cookie }), 'facility');
      ok(
        await t.call('PATCH', `/api/v1/families/facilities/${facility}`, {
          cookie,
          body: { version: 1, host: '社区' },
        }),
        'facility update',
      );
      // 宝宝屋 (issue 17): a site, a slot of it, its slots and coverage by town
      const site = await t.call('POST', '/api/v1/families/facilities', {
        cookie,
        body: {
          ...base,
          kind: 'baobaowu',
          name: 'Citus 宝宝屋',
          capacity: 8,
          openingHours: '周一至周五 8:30–16:30',
          hourlyPriceFen: 8000,
          operator: '检查幼儿园',
        },
      });
      ok(site, 'baobaowu site');
      const siteId = site.json().id as string;
      ok(
        await t.call('POST', `/api/v1/families/facilities/${siteId}/slots`, {
          cookie,
          body: { date: '2026-03-20', startTime: '09:00', endTime: '12:00', capacity: 4 },
        }),
        'baobaowu slot',
      );
      ok(await t.call('GET', `/api/v1/families/facilities/${siteId}/slots`, { cookie }), 'baobaowu slots');
      ok(
        await t.call('GET', '/api/v1/families/baobaowu/coverage?year=2026', { cookie }),
        'baobaowu coverage',
      );
    },
  },
  {
    module: 'workforce',
    async setup(t) {
      const [inst] = await t.database.db
        .select({ id: institutions.id })
        .from(institutions)
        .where(and(eq(institutions.districtCode, DISTRICT), eq(institutions.status, 'operating')))
        .limit(1);
      const staff = await buildStaff(t.database.db, t.jobs, inst!.id, {
        certificates: [{ type: 'caregiver' }],
        now: t.clock.now(),
      });
      await t.createUser('citus-wf', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
      return { cookie: await t.login('citus-wf'), state: { staffId: staff.id } };
    },
    async run(t, cookie, { staffId }) {
      ok(await t.call('GET', '/api/v1/workforce/staff?pageSize=20', { cookie }), 'staff');
      ok(await t.call('GET', `/api/v1/workforce/staff/${staffId}`, { cookie }), 'person');
      ok(
        await t.call('PUT', `/api/v1/workforce/staff/${staffId}/registration`, {
          cookie,
          body: {
            registrationNumber: 'TYS-2026-1',
            registrationDate: '2026-01-15',
            registrationIssuer: null,
          },
        }),
        'registration',
      );
      ok(await t.call('GET', '/api/v1/workforce/bans', { cookie }), 'bans');
      ok(await t.call('GET', '/api/v1/workforce/trainings', { cookie }), 'trainings');
      ok(await t.call('GET', '/api/v1/workforce/compliance', { cookie }), 'compliance');
    },
  },
  {
    module: 'quality',
    async setup(t) {
      const q = await buildQualityRound(t.database.db, { now: t.clock.now() });
      await t.createUser('citus-q', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
      const cookie = await t.login('citus-q');
      const detail = ok(await t.call('GET', `/api/v1/quality/rounds/${q.round.id}`, { cookie }), 'round');
      const participant = (detail.json() as { items: { id: string }[] }).items[0]!.id;
      return {
        cookie,
        state: { roundId: q.round.id, participant, institution: q.institutions[0]!.id },
      };
    },
    async run(t, cookie, { roundId, participant, institution }) {
      ok(await t.call('GET', '/api/v1/quality/frameworks', { cookie }), 'frameworks');
      ok(await t.call('GET', '/api/v1/quality/rounds', { cookie }), 'rounds');
      ok(await t.call('GET', `/api/v1/quality/rounds/${roundId}`, { cookie }), 'round');
      const forms = ok(
        await t.call('GET', `/api/v1/quality/evaluations?roundId=${roundId}`, { cookie }),
        'forms',
      );
      const first = (forms.json() as { items: { id: string }[] }).items[0]!.id;
      ok(await t.call('GET', `/api/v1/quality/evaluations/${first}`, { cookie }), 'form');
      ok(await t.call('GET', `/api/v1/quality/participants/${participant}/feedback`, { cookie }), 'feedback');
      ok(await t.call('GET', '/api/v1/quality/demonstration', { cookie }), 'candidates');
      ok(await t.call('GET', `/api/v1/quality/rounds/${roundId}/export`, { cookie }), 'export');
      ok(await t.call('GET', `/api/v1/public/quality/institutions/${institution}`, {}), 'public');
    },
  },
  {
    module: 'exchange',
    async setup(t) {
      await t.createUser('citus-sec', 'security_admin', { kind: 'division', divisionCode: DISTRICT });
      const cookie = await t.login('citus-sec');
      const c = ok(
        await t.call('POST', '/api/v1/exchange/clients', {
          cookie,
          body: {
            name: '分布规则检查客户端',
            department: 'other',
            purpose: '检查分布列条件',
            scopes: ['institutions.read', 'licences.write'],
            fields: ['name', 'status', 'updatedAt'],
            expiresOn: '2027-01-01',
          },
        }),
        'register',
      ).json() as { id: string; clientId: string; clientSecret: string; version: number };
      return { cookie, state: { id: c.id, clientId: c.clientId, secret: c.clientSecret } };
    },
    async run(t, cookie, { id, clientId, secret }) {
      ok(await t.call('GET', '/api/v1/exchange/clients', { cookie }), 'clients');
      const tok = ok(
        await t.call('POST', '/api/v1/oauth/token', {
          body: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
        }),
        'token',
      ).json().access_token as string;
      const auth = { authorization: `Bearer ${tok}` };
      ok(await t.call('GET', '/api/v1/exchange/institutions', { headers: auth }), 'department read');
      ok(
        await t.call('GET', '/api/v1/exchange/institutions?updatedAfter=2026-01-01T00:00:00Z', {
          headers: auth,
        }),
        'incremental read',
      );
      ok(await t.call('GET', '/api/v1/changes?after=0&limit=50', { headers: auth }), 'change feed');
      // Business-licence records in (ADR 0035), twice (the second an update), and 证照比对 over them.
      const licensed = await buildInstitution(t.database.db, {
        status: 'operating',
        creditCode: creditCodeFor(71_500_001, { prefix: '91' }),
        now: t.clock.now(),
      });
      const record = {
        creditCode: licensed.creditCode,
        name: licensed.name,
        status: 'active',
        registeredOn: '2022-03-01',
        authority: '青浦区市场监督管理局',
      };
      const send = (records: unknown[]) =>
        t.call('POST', '/api/v1/exchange/business-licences', { headers: auth, body: { records } });
      ok(await send([record]), 'licences in');
      ok(await send([{ ...record, status: 'revoked', statusOn: '2026-06-30' }]), 'licences updated');
      await t.createUser('citus-lic', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
      const officer = await t.login('citus-lic');
      ok(
        await t.call('GET', '/api/v1/exchange/business-licences/checks', { cookie: officer }),
        'licence checks',
      );
      ok(
        await t.call('GET', '/api/v1/exchange/business-licences/checks?finding=not_active', {
          cookie: officer,
        }),
        'licence checks by finding',
      );
      // Webhooks (ADR 0020): set, rotate, test, one delivery run of the job, disable — to a receiver here.
      const receiver = createServer((_req, res) => res.writeHead(204).end());
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      try {
        const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
        const hook = `/api/v1/exchange/clients/${id}/webhook`;
        const set = ok(await t.call('PUT', hook, { cookie, body: { url } }), 'set webhook').json();
        const rotated = ok(
          await t.call('POST', `${hook}/rotate`, { cookie, body: { version: set.version } }),
          'rotate',
        ).json();
        ok(await t.call('POST', `${hook}/test`, { cookie }), 'test event');
        await buildInstitution(t.database.db, { status: 'operating', now: t.clock.now() });
        await deliverWebhooks(t.database.db, DISTRICT, WEBHOOKS_HERE, {
          clock: t.clock,
          audit: (tx, event) =>
            recordAudit(
              tx,
              systemContext({ districtCode: DISTRICT, id: 'citus-webhooks' }, t.clock.now()),
              event,
            ),
        });
        ok(await t.call('GET', '/api/v1/exchange/clients', { cookie }), 'clients with webhooks');
        ok(
          await t.call('POST', `${hook}/disable`, { cookie, body: { version: rotated.version } }),
          'disable webhook',
        );
      } finally {
        receiver.close();
      }
    },
  },
  {
    // Last: the plan dashboard measures every registered target source over the rows made above.
    module: 'plan',
    async setup(t) {
      await buildPlan(t.database.db, DISTRICT, t.clock.now());
      await t.createUser('citus-plan', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
      const cookie = await t.login('citus-plan');
      const year = t.clock.now().getUTCFullYear();
      const dash = ok(await t.call('GET', `/api/v1/plan/targets?year=${year}`, { cookie }), 'dashboard');
      const ids = (dash.json() as { targets: { id: string; sourceModule: string | null }[] }).targets
        .filter((x) => x.sourceModule)
        .map((x) => x.id);
      return { cookie, state: { year: String(year), ids: ids.join(',') } };
    },
    async run(t, cookie, { year, ids }) {
      ok(await t.call('GET', `/api/v1/plan/targets?year=${year}`, { cookie }), 'dashboard');
      for (const id of (ids ?? '').split(',').filter(Boolean))
        ok(await t.call('GET', `/api/v1/plan/targets/${id}/rows?year=${year}`, { cookie }), `rows ${id}`);
      ok(await t.call('GET', '/api/v1/plan/trend?key=certified_rate', { cookie }), 'trend');
      ok(await t.call('GET', '/api/v1/plan/circle', { cookie }), 'circle');
      ok(await t.call('GET', '/api/v1/plan/news', { cookie }), 'news');
      ok(await t.call('GET', '/api/v1/public/news', {}), 'public news');
      ok(await t.call('GET', `/api/v1/plan/tasks?year=${year}`, { cookie }), 'tasks');
      ok(await t.call('GET', '/api/v1/plan/units/members', { cookie }), 'unit members');
      const sites = await t.call('POST', '/api/v1/plan/circle/sites', {
        cookie,
        body: { k: 2, capacity: 20 },
      });
      // 400 (no community with a location in this data set) or 200: either way its statements ran.
      if (sites.statusCode !== 200 && sites.statusCode !== 400) throw new Error(`sites: ${sites.statusCode}`);
    },
  },
  {
    module: 'subsidy',
    async setup(t) {
      await t.createUser('citus-subsidy', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
      await t.createUser('citus-subsidy-town', 'town_officer', {
        kind: 'division',
        divisionCode: `${DISTRICT}102`,
      });
      const cookie = await t.login('citus-subsidy');
      const rows = [1, 2].map((n) => {
        const v: Record<string, string> = {
          applicationNo: `CITUS-${n}`,
          childName: `测试宝宝${n}`,
          childIdNumber: childIdFor('2025-03-10', 900 + n),
          childBirthDate: '2025-03-10',
          hukouTownCode: `${DISTRICT}102`,
          localHukou: '是',
          applicantName: '测试妈妈',
          applicantRelation: '母亲',
          applicantMobile: `1390000${String(9000 + n)}`,
          bankName: '示例银行',
          accountKind: '存折',
          bankAccount: `31011800${n}123`,
          appliedOn: '2026-01-05',
        };
        return SUBSIDY_COLUMNS.map((c) => v[c.field] ?? '');
      });
      const m = multipartBody(
        'a.csv',
        'text/csv',
        Buffer.from(csvText([SUBSIDY_COLUMNS.map((c) => c.zh), ...rows])),
      );
      const run = ok(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/subsidy/imports',
          headers: { cookie, ...m.headers },
          payload: m.payload,
        }),
        'subsidy upload',
      ).json();
      ok(await t.call('POST', `/api/v1/subsidy/imports/${run.id}/commit`, { cookie }), 'subsidy commit');
      await t.jobs.runDue();
      return { cookie, state: {} };
    },
    async run(t, cookie) {
      const list = ok(
        await t.call('GET', '/api/v1/subsidy/applications?status=submitted', { cookie }),
        'applications',
      ).json();
      const a = list.items[0];
      ok(await t.call('GET', `/api/v1/subsidy/applications/${a.id}`, { cookie }), 'application');
      ok(
        await t.call('POST', `/api/v1/subsidy/applications/${a.id}/decisions`, {
          cookie,
          body: { action: 'approve', version: a.version },
        }),
        'approve',
      );
      const batch = ok(
        await t.call('POST', '/api/v1/subsidy/batches', { cookie, body: { year: 2026, through: '2026-02' } }),
        'batch',
      ).json();
      ok(await t.call('GET', '/api/v1/subsidy/batches', { cookie }), 'batches');
      ok(await t.call('GET', `/api/v1/subsidy/batches/${batch.id}/lines`, { cookie }), 'lines');
      ok(await t.call('GET', `/api/v1/subsidy/batches/${batch.id}/export`, { cookie }), 'export');
      ok(
        await t.call('POST', `/api/v1/subsidy/batches/${batch.id}/transitions`, {
          cookie,
          body: { action: 'submit', version: batch.version },
        }),
        'submit',
      );
      // The yearly renewal (ADR 0027): open next year, list, count, the town confirms one.
      ok(
        await t.call('POST', '/api/v1/subsidy/renewals/open', { cookie, body: { year: 2027 } }),
        'renewals open',
      );
      const renewals = ok(
        await t.call('GET', '/api/v1/subsidy/renewals?year=2027', { cookie }),
        'renewals',
      ).json();
      ok(await t.call('GET', '/api/v1/subsidy/renewals/counts?year=2027', { cookie }), 'renewal counts');
      const town = await t.login('citus-subsidy-town');
      const r = renewals.items[0];
      ok(await t.call('GET', `/api/v1/subsidy/renewals/${r.id}`, { cookie: town }), 'renewal');
      ok(
        await t.call('POST', `/api/v1/subsidy/renewals/${r.id}/decisions`, {
          cookie: town,
          body: { action: 'confirm', version: r.version },
        }),
        'renewal confirm',
      );
    },
  },
  {
    module: 'operating',
    async setup(t) {
      await t.createUser('citus-operating', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
      const inst = await buildInstitution(t.database.db, { status: 'operating' });
      await t.createUser('citus-operating-inst', 'institution_admin', {
        kind: 'institution',
        institutionId: inst.id,
      });
      return {
        cookie: await t.login('citus-operating'),
        state: { classId: inst.classes[0]!.id, instCookie: await t.login('citus-operating-inst') },
      };
    },
    async run(t, cookie, { classId, instCookie }) {
      const child = ok(
        await t.call('POST', `/api/v1/operating/classes/${classId}/roster`, {
          cookie: instCookie,
          body: { name: '测试宝宝', birthMonth: '2024-06' },
        }),
        'roster add',
      ).json() as { id: string };
      ok(await t.call('GET', `/api/v1/operating/classes/${classId}/roster`, { cookie }), 'roster');
      ok(
        await t.call('PUT', `/api/v1/operating/classes/${classId}/attendance/2026-03-02`, {
          cookie: instCookie,
          body: { present: [child.id] },
        }),
        'attendance put',
      );
      ok(
        await t.call('GET', `/api/v1/operating/classes/${classId}/attendance/2026-03-02`, { cookie }),
        'attendance',
      );
      ok(
        await t.call('POST', '/api/v1/operating/rates', {
          cookie,
          body: { effectiveFrom: '2026-01-01', amountFen: 30_000, citation: '分布规则检查' },
        }),
        'rate',
      );
      ok(
        await t.call('PUT', '/api/v1/operating/settings', {
          cookie,
          body: { minAttendedDays: 10, version: null },
        }),
        'settings',
      );
      ok(await t.call('GET', '/api/v1/operating/settings', { cookie }), 'get settings');
      const claim = ok(
        await t.call('POST', '/api/v1/operating/claims', {
          cookie: instCookie,
          body: { month: '2026-03', days: ['2026-03-02'] },
        }),
        'claim build',
      ).json() as { id: string };
      ok(
        await t.call('POST', `/api/v1/operating/claims/${claim.id}/submit`, { cookie: instCookie }),
        'submit',
      );
      ok(await t.call('GET', '/api/v1/operating/review', { cookie }), 'review queue');
      ok(
        await t.call('POST', `/api/v1/operating/claims/${claim.id}/decision`, {
          cookie,
          body: { decision: 'approve' },
        }),
        'approve',
      );
      ok(await t.call('GET', '/api/v1/operating/claims', { cookie }), 'claims');
      ok(await t.call('GET', `/api/v1/operating/claims/${claim.id}`, { cookie }), 'claim');
      ok(await t.call('GET', '/api/v1/operating/payments?month=2026-03', { cookie }), 'payments');
      ok(await t.call('GET', '/api/v1/operating/payments/export?month=2026-03', { cookie }), 'export');
    },
  },
];

interface Captured {
  text: string;
  values: unknown[];
}

let t: TestApp;
const captured: Captured[] = [];
let capturing = false;
let restore: () => void = () => {};

/** Record every statement sent while `capturing` (both drivers; transactions included). */
function installCapture(app: TestApp) {
  const record = (text: unknown, values: unknown) => {
    if (capturing && typeof text === 'string') captured.push({ text, values: (values as unknown[]) ?? [] });
  };
  const lite = app.database.pglite;
  if (lite) {
    const query = lite.query.bind(lite);
    const transaction = lite.transaction.bind(lite);
    lite.query = ((text: string, params?: unknown[], opts?: unknown) => {
      record(text, params);
      return query(text, params as never, opts as never);
    }) as typeof lite.query;
    lite.transaction = ((fn: (tx: unknown) => Promise<unknown>) =>
      transaction(async (tx) => {
        const q = tx.query.bind(tx);
        tx.query = ((text: string, params?: unknown[], opts?: unknown) => {
          record(text, params);
          return q(text, params as never, opts as never);
        }) as typeof tx.query;
        return fn(tx);
      })) as typeof lite.transaction;
    restore = () => {
      lite.query = query;
      lite.transaction = transaction;
    };
    return;
  }
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, config: unknown, values?: unknown, cb?: unknown) {
    if (typeof config === 'string') record(config, values);
    else if (config && typeof config === 'object' && 'text' in config)
      record((config as { text: string }).text, (config as { values?: unknown[] }).values ?? values);
    return (original as (...a: unknown[]) => unknown).call(this, config, values, cb);
  } as typeof original;
  restore = () => {
    pg.Client.prototype.query = original;
  };
}

async function explain(c: Captured): Promise<unknown> {
  const text = `EXPLAIN (FORMAT JSON) ${c.text}`;
  if (t.database.pglite)
    return (await t.database.pglite.query<{ 'QUERY PLAN': unknown }>(text, c.values)).rows[0]?.['QUERY PLAN'];
  const client = new pg.Client({ connectionString: t.database.url });
  await client.connect();
  try {
    return (await client.query(text, c.values as unknown[])).rows[0]?.['QUERY PLAN'];
  } finally {
    await client.end();
  }
}

const PLANNABLE = /^\s*(select|insert|update|delete|with)\b/i;

beforeAll(async () => {
  t = await createTestApp({
    config: { webhookNetworks: WEBHOOKS_HERE.networks, webhookAllowHttp: WEBHOOKS_HERE.allowHttp },
  });
  installCapture(t);
});
afterAll(async () => {
  restore();
  await t.close();
});

describe('the Citus rule', () => {
  it('docs/DEPLOY.md holds the distribution SQL generated from the schema', () => {
    expect(readFileSync(DEPLOY_DOC, 'utf8')).toContain('create_distributed_table');
    expect(documentedDdl()).toBe(citusDdl());
  });

  it('the schema names every table of the database (none escapes the generated SQL)', async () => {
    const res = await t.database.db.execute(
      "select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    const inDb = new Set((res as unknown as { rows: { t: string }[] }).rows.map((r) => r.t));
    const ddl = citusDdl();
    for (const name of inDb) expect(ddl, name).toMatch(new RegExp(`'${name}'`));
  });

  it('the checker fails a tenant scan without district_code and a join not on it', async () => {
    const tenant = tenantTables();
    await t.database.exec('set enable_seqscan = off'); // on PGlite: plans of a small table as of a large one
    const plans: unknown[] = [];
    for (const text of [
      "select * from institutions where name = 'x'",
      "select * from institutions i join institution_classes c on c.institution_id = i.id where i.district_code = '310118'",
      "select * from institutions i join institution_classes c on c.institution_id = i.id and c.district_code = i.district_code where i.district_code = '310118'",
    ])
      plans.push(await explain({ text, values: [] }));
    const problems = plans.map((p) => planProblems((p as { Plan: never }[])[0]!.Plan, tenant));
    expect(problems[0]!.join()).toMatch(/institutions without a district_code condition/);
    expect(problems[1]!.join()).toMatch(
      /institution_classes without a district_code condition|not on district_code/,
    );
    expect(problems[2]).toEqual([]);
  });

  for (const journey of JOURNEYS)
    it(`${journey.module}: every statement of list, get, update and export pins district_code`, async () => {
      const { cookie, state } = await journey.setup(t);
      captured.length = 0;
      capturing = true;
      try {
        await journey.run(t, cookie, state);
      } finally {
        capturing = false;
      }
      const statements = captured.filter((c) => PLANNABLE.test(c.text));
      if (process.env.CITUS_RULE_DEBUG) console.log(statements.map((s) => s.text.slice(0, 120)).join('\n'));
      expect(statements.length).toBeGreaterThan(10);
      const tenant = tenantTables();
      const problems: string[] = [];
      for (const s of statements) {
        const plan = (await explain(s).catch((e: Error) => {
          throw new Error(`${e.message}: ${s.text} ${JSON.stringify(s.values)}`);
        })) as { Plan: never }[];
        for (const p of planProblems(plan[0]!.Plan, tenant))
          problems.push(`${p}\n    ${s.text.slice(0, 300)}`);
      }
      expect(problems).toEqual([]);
      // The plan journey EXPLAINs every statement of every target source: ~20 s on PostgreSQL alone.
    }, 120_000);
});
