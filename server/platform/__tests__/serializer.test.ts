/** The response serializer: checks by parsing on zod's compiled path, the same answer as encoding. */
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { encode, z } from 'zod';
import { publicInstitutionPage } from '../../../domain/contracts/institution.ts';
import { directionalPart, serializerCompiler } from '../serializer.ts';

const compile = (schema: z.ZodType) =>
  serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' }) as (data: unknown) => string;

const item = {
  id: '01900000-0000-7000-8000-000000000001',
  name: '合成托育园',
  kind: 'childcare_institution',
  ownership: 'private',
  inclusive: true,
  townCode: '310118101',
  address: '合成路 1 号',
  publicPhone: '021-00000000',
  serviceForms: ['full_day'],
  fees: { fullDayMonthlyFen: 300000, hourlyFen: null },
  lat: 31.1,
  lng: 121.05,
  seats: 60,
  status: 'operating',
  distanceKm: null,
};
const page = {
  items: [item, { ...item, id: '01900000-0000-7000-8000-000000000002' }],
  total: 2,
  page: 1,
  pageSize: 20,
};

/** What fastify-type-provider-zod's own compiler sends: encode, then stringify. */
const encoded = (data: unknown) =>
  JSON.stringify(encode(publicInstitutionPage, data as z.output<typeof publicInstitutionPage>));

describe('serializerCompiler', () => {
  it('sends what encoding would send', () => {
    expect(compile(publicInstitutionPage)(page)).toBe(encoded(page));
  });

  it('drops a field outside the contract, refuses a value of another type (nothing sent)', () => {
    const send = compile(publicInstitutionPage);
    const withDirector = { ...page, items: [{ ...item, directorName: '合成主任' }] };
    expect(send(withDirector)).not.toContain('directorName');
    expect(send(withDirector)).toBe(encoded(withDirector));
    for (const bad of [
      { ...page, items: [{ ...item, seats: '60' }] },
      { ...page, items: [{ ...item, fees: { monthlyFen: 1 } }] },
      { ...page, total: undefined },
    ]) {
      let err: unknown;
      try {
        send(bad);
      } catch (e) {
        err = e;
      }
      expect(isResponseSerializationError(err)).toBe(true);
    }
  });

  it('refuses, when the route is registered, a response schema with a codec or transform', () => {
    const withTransform = z.object({ a: z.array(z.object({ at: z.string().transform((s) => s.length) })) });
    expect(directionalPart(withTransform)).toBe('.a.element.at');
    expect(() => compile(withTransform)).toThrow(/codec or transform at \.a\.element\.at/);
    const codec = z.codec(z.iso.datetime(), z.date(), {
      decode: (s) => new Date(s),
      encode: (d) => d.toISOString(),
    });
    expect(directionalPart(z.object({ when: codec.optional() }))).not.toBeNull();
    expect(directionalPart(publicInstitutionPage)).toBeNull();
  });
});
