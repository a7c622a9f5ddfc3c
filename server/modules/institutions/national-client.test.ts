/**
 * The outbound adapter against a local fake of the national system on a loopback port: it accepts and
 * stores, rejects a field, hangs (timeout), answers 503, and returns what it stored for comparison.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffNationalRecord, toNationalRecords } from '../../../domain/institutions/national-filing.ts';
import { FakeNational } from '../../../test/fake-national.ts';
import { loadConfig } from '../../config.ts';
import { probeNetworks } from '../../platform/probe-network.ts';
import { createNationalClient, nationalFilingConfig } from './national-client.ts';

const fake = new FakeNational();
let base: string;
const loopback = probeNetworks('127.0.0.0/8', 'WEBHOOK_NETWORKS');
beforeAll(async () => {
  base = await fake.start();
});
afterAll(() => fake.stop());

/** One institution per name (its own record id). */
const names: string[] = [];
const idOf = (name: string) => {
  if (!names.includes(name)) names.push(name);
  return `01890000-0000-7000-8000-${String(names.indexOf(name)).padStart(12, '0')}`;
};
const recordOf = (name: string) =>
  toNationalRecords(
    {
      id: idOf(name),
      name,
      creditCode: '91350100M000100Y43',
      kind: 'family_point',
      ownership: 'private',
      inclusive: true,
      townCode: '310118102',
      address: '青浦区朱家角镇珠溪路1号',
      directorName: '王晓明',
      serviceForms: ['full_day'],
      seats: 5,
      enrolled: 4,
    },
    [{ action: 'approve', to: 'filed', at: new Date('2026-01-05T02:00:00Z') }],
    (n) => `${[...n][0]}**`,
  )[0]!;

describe('nationalFilingConfig', () => {
  it('unset: sync is off', () => {
    expect(nationalFilingConfig(undefined, loopback, false)).toBeNull();
    expect(nationalFilingConfig('  ', loopback, false)).toBeNull();
  });
  it.each([
    ['not a url', 'not a valid URL'],
    ['http://filing.example.cn/api', 'https://'],
    ['https://u:p@filing.example.cn/api', 'credentials'],
    ['https://127.0.0.1/api', 'private network'],
    ['https://10.1.2.3/api', 'private network'],
  ])('%s is refused naming the variable', (raw, why) => {
    const strict = probeNetworks(undefined, 'WEBHOOK_NETWORKS');
    expect(() => nationalFilingConfig(raw, strict, false)).toThrow(/NATIONAL_FILING_URL.*/);
    expect(() => nationalFilingConfig(raw, strict, false)).toThrow(why);
  });
  it('the server configuration reads NATIONAL_FILING_URL (unset: off; a private address stops the start)', () => {
    expect(loadConfig({}).nationalFiling).toBeNull();
    expect(
      loadConfig({ NATIONAL_FILING_URL: 'https://filing.example.cn/api' }).nationalFiling?.url.host,
    ).toBe('filing.example.cn');
    expect(() => loadConfig({ NATIONAL_FILING_URL: 'https://192.168.1.2/api' })).toThrow(
      'NATIONAL_FILING_URL',
    );
  });
  it('https on the public internet is accepted', () =>
    expect(
      nationalFilingConfig('https://filing.example.cn/api', probeNetworks(undefined, 'X'), false)?.url.href,
    ).toBe('https://filing.example.cn/api'));
});

describe('the adapter against a local fake national system', () => {
  const client = () => {
    const cfg = nationalFilingConfig(base, loopback, true);
    if (!cfg) throw new Error('configured');
    return createNationalClient({ ...cfg, timeoutMs: 300 });
  };

  it('accepts, idempotent by record id, and returns the stored record with no differences', async () => {
    const rec = recordOf('青浦区小海豚家庭托育点');
    expect(await client().send(rec)).toEqual({ kind: 'accepted', status: 201 });
    expect(await client().send(rec)).toEqual({ kind: 'accepted', status: 409 });
    expect(fake.stored.size).toBe(1);
    const post = fake.seen.find((s) => s.method === 'POST')!;
    expect(post.url).toBe('/national/records');
    expect(post.headers['idempotency-key']).toBe(rec.recordId);
    const stored = await client().fetchStored(rec.recordId);
    expect(stored?.legalRepresentative).toBe('王**');
    expect(diffNationalRecord(rec, stored!)).toEqual([]);
  });

  it('a stored record that differs lists the field', async () => {
    const rec = recordOf('青浦区差异家庭托育点');
    expect((await client().send(rec)).kind).toBe('accepted');
    const diff = diffNationalRecord(rec, (await client().fetchStored(rec.recordId))!);
    expect(diff.map((d) => [d.field, d.national])).toEqual([['address', `${rec.address}（旧址）`]]);
  });

  it("a rejected field carries the national system's message and is not retried", async () => {
    expect(await client().send(recordOf('青浦区拒收家庭托育点'))).toEqual({
      kind: 'rejected',
      status: 422,
      field: 'creditCode',
      message: '统一社会信用代码与登记信息不一致',
    });
  });

  it('a hang times out and a 503 is retried later; nothing is stored', async () => {
    const before = fake.stored.size;
    expect(await client().send(recordOf('青浦区慢家庭托育点'))).toEqual({
      kind: 'retry',
      reason: 'timeout',
      status: null,
    });
    expect(await client().send(recordOf('青浦区忙家庭托育点'))).toEqual({
      kind: 'retry',
      reason: 'http_error',
      status: 503,
    });
    expect(fake.stored.size).toBe(before);
  });

  it('an unknown record is null; the egress guard refuses loopback when it is not allowed', async () => {
    expect(await client().fetchStored('nope')).toBeNull();
    const cfg = nationalFilingConfig(base, loopback, true)!;
    const strict = createNationalClient({ ...cfg, networks: probeNetworks(undefined, 'X') });
    expect(await strict.send(recordOf('青浦区小海豚家庭托育点'))).toEqual({
      kind: 'retry',
      reason: 'refused',
      status: null,
    });
  });
});
