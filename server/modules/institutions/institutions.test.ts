import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DISTRICT, type TestApp, ZHUJIAJIAO } from '../../../test/app.ts';
import {
  buildClasses,
  buildInstitution,
  buildInstitutionInput,
  creditCodeFor,
} from '../../../test/factories/index.ts';

let t: TestApp;
let district: string;
let admin: string;
let town: string;
let institutionId: string;

const TABLES = ['institutions', 'institution_classes', 'institution_status_history', 'audit_log'];
const counts = () => Promise.all(TABLES.map((n) => countRows(t, n)));

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('town-zjj', 'town_officer', { kind: 'division', divisionCode: ZHUJIAJIAO });
  district = await t.login('district');
  town = await t.login('town-zjj');
  const res = await t.call('POST', '/api/v1/institutions', {
    cookie: district,
    body: buildInstitutionInput(),
  });
  expect(res.statusCode).toBe(201);
  institutionId = res.json().id;
  await t.createUser('inst', 'institution_admin', { kind: 'institution', institutionId });
  admin = await t.login('inst');
});
afterAll(() => t.close());

/** Sessions end after 30 idle minutes: log in again after moving the clock by days. */
async function relogin() {
  district = await t.login('district');
  town = await t.login('town-zjj');
  admin = await t.login('inst');
}

const get = (cookie: string, id = institutionId) => t.call('GET', `/api/v1/institutions/${id}`, { cookie });
/** History is ordered by time: each transition happens a second after the previous one. */
const transition = (cookie: string, body: Record<string, unknown>, id = institutionId) => {
  t.clock.advance(1000);
  return t.call('POST', `/api/v1/institutions/${id}/transitions`, { cookie, body });
};

describe('filing journey', () => {
  it('an institution admin fills in the draft, submits; the district returns, approves; it opens', async () => {
    let d = (await get(admin)).json();
    expect(d.status).toBe('draft');
    expect(d.permittedActions).toEqual(['edit', 'edit_classes', 'upload_document', 'submit']);
    expect(d.history.map((h: { action: string }) => h.action)).toEqual(['create']);

    // Submitting without classes is refused, naming the field.
    const early = await transition(admin, { action: 'submit', version: d.version });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'classes', rule: 'institution.classes_required' });

    const classes = await t.call('PUT', `/api/v1/institutions/${institutionId}/classes`, {
      cookie: admin,
      body: { version: d.version, classes: buildClasses() },
    });
    expect(classes.statusCode).toBe(200);
    d = classes.json();
    expect(d.seats).toBe(45);
    expect(d.enrolled).toBe(36);
    expect(d.classes[0]).toMatchObject({ type: 'infant', minAgeMonths: 6, maxAgeMonths: 12 });

    const submitted = await transition(admin, { action: 'submit', version: d.version });
    expect(submitted.statusCode).toBe(200);
    d = submitted.json();
    expect(d.status).toBe('submitted');
    expect(d.permittedActions).toEqual([]);

    // The admin may no longer edit; the 409 lists what is allowed (nothing).
    const edit = await t.call('PATCH', `/api/v1/institutions/${institutionId}`, {
      cookie: admin,
      body: { version: d.version, name: '改名托育园' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('institutions.not_editable');
    // An institution admin may not approve.
    expect((await transition(admin, { action: 'approve', version: d.version })).statusCode).toBe(403);

    const queue = (await t.call('GET', '/api/v1/institutions/review-queue', { cookie: district })).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toEqual([institutionId]);
    expect(queue.items[0]).toMatchObject({ waitedWorkingDays: 0, overdue: false, deadlineWorkingDays: 5 });
    expect([...queue.items[0].permittedActions].sort()).toEqual(['approve', 'return']);

    const noReason = await transition(district, { action: 'return', version: d.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'reason', rule: 'transition.opinion_required' });
    const returned = await transition(district, {
      action: 'return',
      reason: '请补充消防验收材料',
      version: d.version,
    });
    expect(returned.json().status).toBe('draft');

    d = (await get(admin)).json();
    expect(d.permittedActions).toContain('edit');
    d = (await transition(admin, { action: 'submit', version: d.version })).json();
    // Eight working days later the filing is overdue (2026-03-02 Monday + 8 working days).
    t.clock.advance(10 * 86_400_000);
    await relogin();
    const late = (await t.call('GET', '/api/v1/institutions/review-queue', { cookie: district })).json();
    expect(late.items[0]).toMatchObject({ waitedWorkingDays: 8, overdue: true });

    // Approving without a review opinion (审核意见) is refused and writes nothing.
    const bare = await transition(district, { action: 'approve', version: d.version });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0]).toMatchObject({ field: 'reason', rule: 'transition.opinion_required' });
    d = (
      await transition(district, { action: 'approve', version: d.version, reason: '材料齐全，予以备案' })
    ).json();
    expect(d.status).toBe('filed');
    expect(d.history[0]).toMatchObject({ action: 'approve', reason: '材料齐全，予以备案' });
    expect(d.history[0].actorName).toEqual(expect.any(String));
    expect(d.history[0].actorName).not.toBe(d.history[0].actorUsername);
    expect(d.filedAt).not.toBeNull();
    const publicList = (await t.call('GET', '/api/v1/public/institutions')).json();
    expect(publicList.items.map((i: { id: string }) => i.id)).toContain(institutionId);

    d = (await transition(district, { action: 'start_operating', version: d.version })).json();
    expect(d.status).toBe('operating');
    expect(d.permittedActions).toEqual(['edit', 'edit_classes', 'upload_document', 'rectify', 'suspend']);
    expect(d.history.map((h: { action: string }) => h.action)).toEqual([
      'start_operating',
      'approve',
      'submit',
      'return',
      'submit',
      'create',
    ]);
    expect(d.history.find((h: { action: string }) => h.action === 'return').reason).toBe(
      '请补充消防验收材料',
    );
  });

  it('refuses an illegal transition with 409 conflict.transition listing the allowed ones', async () => {
    // Its own operating institution (test/factories), so the test passes when run alone too.
    const own = await buildInstitution(t.database.db, { status: 'operating', now: t.clock.now() });
    const d = (await get(district, own.id)).json();
    expect(d.status).toBe('operating');
    const res = await transition(district, { action: 'close', reason: '测试', version: d.version }, own.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict.transition');
    expect(res.json().allowed).toEqual(['rectify', 'suspend']);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const d = (await get(district)).json();
    const before = await counts();
    const res = await t.call('PATCH', `/api/v1/institutions/${institutionId}`, {
      cookie: district,
      body: { version: d.version - 1, name: '过期版本托育园' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict.stale_version');
    expect(await counts()).toEqual(before);
    const ok = await t.call('PATCH', `/api/v1/institutions/${institutionId}`, {
      cookie: district,
      body: { version: d.version, publicPhone: '+86 138 0013 8000' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ publicPhone: '13800138000', version: d.version + 1 });
  });

  it('a town officer reads but may not transition or create', async () => {
    expect((await get(town)).statusCode).toBe(200);
    const d = (await get(town)).json();
    expect(d.permittedActions).toEqual([]);
    expect((await transition(town, { action: 'rectify', reason: 'x', version: d.version })).statusCode).toBe(
      403,
    );
    expect(
      (await t.call('POST', '/api/v1/institutions', { cookie: town, body: buildInstitutionInput() }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.call('POST', '/api/v1/institutions', { cookie: admin, body: buildInstitutionInput() }))
        .statusCode,
    ).toBe(403);
  });
});

describe('bad input: 400 naming the field and the rule, nothing written', () => {
  const cases: [
    string,
    () => Promise<{
      statusCode: number;
      json(): { errors: { field: string; rule: string; message_zh: string; message_en: string }[] };
    }>,
    string,
    string,
  ][] = [
    [
      'invalid credit code',
      () =>
        t.call('POST', '/api/v1/institutions', {
          cookie: district,
          body: buildInstitutionInput({ creditCode: '91350100M000100Y44' }),
        }),
      'creditCode',
      'credit.check_character',
    ],
    [
      "an operator's credit code with a wrong check character",
      () =>
        t.call('POST', '/api/v1/institutions', {
          cookie: district,
          body: buildInstitutionInput({ operatorCreditCode: '91350100M000100Y44' }),
        }),
      'operatorCreditCode',
      'credit.check_character',
    ],
    [
      'a town outside the district',
      () =>
        t.call('POST', '/api/v1/institutions', {
          cookie: district,
          body: buildInstitutionInput({ townCode: '310117101' }),
        }),
      'townCode',
      'institution.town_outside_district',
    ],
    [
      'an unknown service form',
      () =>
        t.call('POST', '/api/v1/institutions', {
          cookie: district,
          body: { ...buildInstitutionInput(), serviceForms: ['overnight'] },
        }),
      'serviceForms.0',
      'invalid_value',
    ],
    [
      'coordinates outside the district',
      () =>
        t.call('POST', '/api/v1/institutions', {
          cookie: district,
          body: buildInstitutionInput({ lat: 31.2304, lng: 121.4737 }),
        }),
      'lat',
      'institution.outside_district',
    ],
    [
      'an unknown property',
      () =>
        t.call('POST', '/api/v1/institutions', {
          cookie: district,
          body: { ...buildInstitutionInput(), status: 'filed' },
        }),
      'status',
      'unknown_property',
    ],
    [
      'a phone that is neither mobile nor landline',
      () =>
        t.call('POST', '/api/v1/institutions', {
          cookie: district,
          body: buildInstitutionInput({ publicPhone: '12345' }),
        }),
      'publicPhone',
      'institution.phone_invalid',
    ],
  ];
  for (const [name, send, field, rule] of cases) {
    it(name, async () => {
      const before = await counts();
      const res = await send();
      expect(res.statusCode).toBe(400);
      const e = res.json().errors.find((x) => x.field === field);
      expect(e, JSON.stringify(res.json().errors)).toMatchObject({ field, rule });
      expect(e!.message_zh.length).toBeGreaterThan(0);
      expect(e!.message_en.length).toBeGreaterThan(0);
      expect(await counts()).toEqual(before);
    });
  }

  const classCases: [string, Record<string, unknown>[], string, string][] = [
    [
      'a class over its cap',
      [{ name: '乳儿班', type: 'infant', capacity: 11, enrolled: 5 }],
      'classes.0.capacity',
      'class.over_cap',
    ],
    [
      'a mixed class from under 18 months',
      [{ name: '混龄班', type: 'mixed', capacity: 12, enrolled: 5, minAgeMonths: 12 }],
      'classes.0.minAgeMonths',
      'class.mixed_min_age',
    ],
    [
      'enrolled over capacity',
      [{ name: '托小班', type: 'toddler_small', capacity: 10, enrolled: 11 }],
      'classes.0.enrolled',
      'class.over_capacity',
    ],
    [
      'a kindergarten toddler class in a childcare institution',
      [{ name: '托班', type: 'kindergarten_toddler', capacity: 10, enrolled: 5 }],
      'classes.0.type',
      'institution.class_type_for_kind',
    ],
  ];
  for (const [name, classes, field, rule] of classCases) {
    it(name, async () => {
      const d = (await get(district)).json();
      const before = await counts();
      const res = await t.call('PUT', `/api/v1/institutions/${institutionId}/classes`, {
        cookie: district,
        body: { version: d.version, classes },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toContainEqual(expect.objectContaining({ field, rule }));
      expect(await counts()).toEqual(before);
      expect((await get(district)).json().classes).toHaveLength(3);
    });
  }

  it('a family childcare point over 5 children in all', async () => {
    const res = await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput({ kind: 'family_point', serviceForms: ['full_day'], fees: {} }),
    });
    const d = res.json();
    const before = await counts();
    const bad = await t.call('PUT', `/api/v1/institutions/${d.id}/classes`, {
      cookie: district,
      body: {
        version: d.version,
        classes: [
          { name: 'A', type: 'mixed', capacity: 3, enrolled: 3 },
          { name: 'B', type: 'toddler_large', capacity: 3, enrolled: 2 },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual(
      expect.objectContaining({ field: 'classes', rule: 'family_point.over_cap' }),
    );
    expect(await counts()).toEqual(before);
  });
});

describe('duplicates', () => {
  it('a credit code already used in the district → 409 conflict.duplicate naming the field', async () => {
    const code = creditCodeFor(77_000_001);
    expect(
      (
        await t.call('POST', '/api/v1/institutions', {
          cookie: district,
          body: buildInstitutionInput({ creditCode: code }),
        })
      ).statusCode,
    ).toBe(201);
    const before = await counts();
    const res = await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput({ creditCode: code.toLowerCase() }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('conflict.duplicate');
    expect(res.json().errors[0].field).toBe('creditCode');
    expect(await counts()).toEqual(before);
  });
});

describe('operator (举办者)', () => {
  it('is optional, normalised, shown on the detail, and cleared with null; two institutions may share one', async () => {
    const chain = creditCodeFor(66_000_003, { prefix: '91' });
    const a = await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput({
        operatorName: '  某某托育连锁 ',
        operatorCreditCode: chain.toLowerCase(),
      }),
    });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ operatorName: '某某托育连锁', operatorCreditCode: chain });
    const b = await t.call('POST', '/api/v1/institutions', {
      cookie: district,
      body: buildInstitutionInput({ operatorCreditCode: chain }),
    });
    expect(b.statusCode).toBe(201);
    expect(b.json()).toMatchObject({ operatorName: null, operatorCreditCode: chain });
    const cleared = await t.call('PATCH', `/api/v1/institutions/${a.json().id}`, {
      cookie: district,
      body: { version: a.json().version, operatorName: null, operatorCreditCode: '' },
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ operatorName: null, operatorCreditCode: null });
  });
});
