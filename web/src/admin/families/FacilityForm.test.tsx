/** The 宝宝屋 site form: the server's field error on `hourlyPriceFen` shows under the price field (in yuan). */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import type { Me } from '../../api/client.ts';
import { MeContext } from '../session.ts';
import { FacilityForm } from './FacilitiesPage.tsx';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const site = {
  id: '0190a000-0000-7000-8000-000000000002',
  kind: 'baobaowu' as const,
  name: '珠溪社区宝宝屋',
  townCode: '310118106',
  communityCode: null,
  communityName: null,
  address: '朱家角镇珠溪路 1 号',
  lat: 31.11,
  lng: 121.05,
  host: null,
  openedYear: 2025,
  closedYear: null,
  capacity: 6,
  openingHours: '周一至周五 8:00–17:00',
  hourlyPriceFen: 8000,
  operator: '朱家角中心幼儿园',
  version: 1,
};

describe('宝宝屋 site form', () => {
  it("puts the server's price error next to the price field and sends the price in fen", async () => {
    const bodies: Record<string, unknown>[] = [];
    globalThis.fetch = vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      if (req.method === 'PATCH') {
        bodies.push(await req.json());
        return Response.json(
          {
            type: 'about:blank',
            title: 'Bad Request',
            status: 400,
            code: 'validation.failed',
            detail: 'Bad input',
            detail_zh: '输入有误',
            detail_en: 'Bad input',
            errors: [
              {
                field: 'hourlyPriceFen',
                rule: 'baobaowu.price_above_cap',
                message_zh: '每小时收费不能超过 100 元',
                message_en: 'The hourly price cannot exceed 100 yuan',
              },
            ],
          },
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        );
      }
      if (url.pathname === '/api/v1/families/communities') return Response.json({ items: [] });
      return Response.json({});
    }) as unknown as typeof fetch;
    const user = userEvent.setup({ delay: null });
    const me = {
      districtCode: '310118',
      role: 'town_officer',
      scope: { kind: 'division', divisionCode: '310118106' },
    } as unknown as Me;
    renderWithProviders(
      <MeContext.Provider value={me}>
        <FacilityForm facility={site} onDone={() => {}} />
      </MeContext.Provider>,
    );
    const price = screen.getByLabelText('免费时数以外每小时收费（元）');
    expect((price as HTMLInputElement).value).toBe('80');
    await user.clear(price);
    await user.type(price, '150');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    const msg = await screen.findByText('每小时收费不能超过 100 元');
    // under the price field, not a message elsewhere
    expect(msg.closest('.ant-form-item')?.querySelector(`#${price.id}`)).toBe(price);
    await waitFor(() => expect(bodies[0]).toMatchObject({ hourlyPriceFen: 15000, version: 1 }));
  });
});
