/** The published fee list (收费公示): draft, publication rules (400 naming the field, nothing written), versions, scope, flag, portal. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeItemInput } from '../../../domain/contracts/fee-list.ts';
import { countRows, createTestApp, DISTRICT, type TestApp, XUJING, ZHUJIAJIAO } from '../../../test/app.ts';
import { buildInstitution } from '../../../test/factories/institutions.ts';
import { auditLog } from '../../platform/tables.ts';

let t: TestApp;
let district: string;
let admin: string;
let town: string;
let a: { id: string };
let b: { id: string };

const care: FeeItemInput = {
  kind: 'care',
  name: '保育费（全日制）',
  amountFen: 380000,
  unit: 'month',
  serviceForm: 'full_day',
  optional: false,
};
const meals: FeeItemInput = {
  kind: 'meals',
  name: '伙食费',
  amountFen: 2000,
  unit: 'day',
  serviceForm: null,
  optional: false,
};
const agency: FeeItemInput = {
  kind: 'other',
  name: '代办费（床上用品）',
  amountFen: 30000,
  unit: 'once',
  serviceForm: null,
  optional: true,
};
const good = {
  items: [care, meals, agency],
  effectiveFrom: '2026-09-01',
  basis: '青浦区普惠托育收费核定（示例）',
  serviceContent: '工作日 7:30–17:30 保育照护，含两餐一点（示例）',
  refundRule: '连续请假满 5 个工作日按日退还伙食费（示例）',
};
const url = (id: string) => `/api/v1/institutions/${id}/fee-list`;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  a = await buildInstitution(db, {
    name: '青浦区朱家角镇收费公示测试托育园',
    townCode: ZHUJIAJIAO,
    inclusive: true,
    status: 'operating',
  });
  b = await buildInstitution(db, {
    name: '青浦区徐泾镇收费公示测试托育园',
    townCode: XUJING,
    inclusive: true,
    status: 'operating',
  });
  await t.createUser('district', 'district_officer', { kind: 'division', divisionCode: DISTRICT });
  await t.createUser('town-xj', 'town_officer', { kind: 'division', divisionCode: XUJING });
  await t.createUser('inst', 'institution_admin', { kind: 'institution', institutionId: a.id });
  district = await t.login('district');
  admin = await t.login('inst');
  town = await t.login('town-xj');
});
afterAll(() => t.close());

const put = (cookie: string, body: unknown, id = a.id) => t.call('PUT', url(id), { cookie, body });
const publish = (cookie: string, id = a.id) => t.call('POST', `${url(id)}/publish`, { cookie });
const fields = (res: { json(): { errors?: { field: string }[] } }) => res.json().errors?.map((e) => e.field);

describe('fee list', () => {
  it.each([
    ['a negative amount', { ...care, amountFen: -1 }, 'items.0.amountFen'],
    ['an amount in yuan with decimals', { ...care, amountFen: 12.5 }, 'items.0.amountFen'],
    ['a unit not in the list', { ...care, unit: 'week' }, 'items.0.unit'],
    ['an empty name', { ...care, name: '  ' }, 'items.0.name'],
    [
      'service content over 1,000 characters',
      { extra: { serviceContent: '托'.repeat(1001) } },
      'serviceContent',
    ],
    ['a refund rule over 1,000 characters', { extra: { refundRule: '退'.repeat(1001) } }, 'refundRule'],
  ])('refuses %s with a 400 naming the field, nothing written', async (_, item, field) => {
    const before = await countRows(t, 'institution_fee_items');
    const extra = (item as { extra?: object }).extra;
    const res = await put(admin, extra ? { ...good, ...extra } : { ...good, items: [item] });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toContain(field);
    expect(await countRows(t, 'institution_fee_items')).toBe(before);
    expect(await countRows(t, 'institution_fee_lists')).toBe(0);
  });

  it('the institution saves a draft; publishing an inclusive list needs the care fee, a date and a basis', async () => {
    let res = await put(admin, { items: [meals], effectiveFrom: null, basis: '' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ flag: 'missing', published: null, canEdit: true });
    expect(res.json().draft.items).toEqual([meals]);
    res = await publish(admin);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual([
      'items:fee_list.care_fee_required',
      'effectiveFrom:fee_list.effective_from_required',
      'basis:fee_list.basis_required',
    ]);
    expect((await t.call('GET', url(a.id), { cookie: admin })).json().published).toBeNull();
  });

  it('publishes, keeps the earlier version, clears the flag, and audits every write', async () => {
    expect((await put(admin, good)).statusCode).toBe(200);
    let res = await publish(admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ draft: null, earlierVersions: 0, flag: null });
    expect(res.json().published).toMatchObject({
      state: 'published',
      effectiveFrom: '2026-09-01',
      items: good.items,
    });
    // A district officer changes the care fee: the list now differs from the registry's full-day fee.
    expect(
      (await put(district, { ...good, items: [{ ...care, amountFen: 390000 }, meals] })).statusCode,
    ).toBe(200);
    res = await publish(district);
    expect(res.json()).toMatchObject({ earlierVersions: 1, flag: 'differs_from_fees' });
    expect(await countRows(t, 'institution_fee_lists')).toBe(2);
    const audited = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'institution'), eq(auditLog.objectId, a.id)));
    const actions = audited.map((r) => r.action).filter((x) => x.startsWith('institutions.fee_list'));
    expect(actions.filter((x) => x === 'institutions.fee_list_publish')).toHaveLength(2);
    expect(actions.filter((x) => x === 'institutions.fee_list_save')).toHaveLength(3);
  });

  it('publishing with no draft is a 409', async () => {
    expect((await publish(admin)).statusCode).toBe(409);
  });

  it("another institution's list is 404 to the admin; a town officer reads but may not write", async () => {
    expect((await t.call('GET', url(b.id), { cookie: admin })).statusCode).toBe(404);
    expect((await put(admin, good, b.id)).statusCode).toBe(404);
    const read = await t.call('GET', url(b.id), { cookie: town });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ flag: 'missing', canEdit: false });
    expect((await t.call('GET', url(a.id), { cookie: town })).statusCode).toBe(404);
    expect((await put(town, good, b.id)).statusCode).toBe(403);
  });

  it('the institutions list filters inclusive listed institutions without a published list', async () => {
    const res = await t.call('GET', '/api/v1/institutions?feeList=missing&pageSize=100', {
      cookie: district,
    });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(b.id);
    expect(ids).not.toContain(a.id);
    // A kindergarten without toddler classes (no seats) is not on the portal: nothing to publish there.
    const noSeats = await buildInstitution(t.database.db, {
      name: '青浦区徐泾镇无托班测试幼儿园',
      townCode: XUJING,
      inclusive: true,
      status: 'operating',
      kind: 'kindergarten',
      classes: [],
    });
    const again = await t.call('GET', '/api/v1/institutions?feeList=missing&pageSize=100', {
      cookie: district,
    });
    expect(again.json().items.map((i: { id: string }) => i.id)).not.toContain(noSeats.id);
    expect((await t.call('GET', `/api/v1/public/institutions/${noSeats.id}/fee-list`)).statusCode).toBe(404);
  });

  it('the portal reads only the list in force, without who published it', async () => {
    const res = await t.call('GET', `/api/v1/public/institutions/${a.id}/fee-list`);
    expect(res.statusCode).toBe(200);
    expect(res.json().inclusive).toBe(true);
    expect(res.json().published.items[0].amountFen).toBe(390000);
    expect(res.json().published).toMatchObject({
      serviceContent: good.serviceContent,
      refundRule: good.refundRule,
    });
    expect(JSON.stringify(res.json())).not.toMatch(/publishedBy|draft/);
    const none = await t.call('GET', `/api/v1/public/institutions/${b.id}/fee-list`);
    expect(none.json()).toEqual({ inclusive: true, published: null });
    const draft = await buildInstitution(t.database.db, { name: '青浦区朱家角镇未备案测试托育园' });
    expect((await t.call('GET', `/api/v1/public/institutions/${draft.id}/fee-list`)).statusCode).toBe(404);
  });
});
