/** The parent's 育儿补贴 card: loading until the answer arrives, then the answer; a failure shows the reason and a retry. */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { SubsidyCard } from './SubsidyCard.tsx';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const answer = { yuanPerMonth: 300, source: '育儿补贴制度实施方案', unverified: true, items: [] };

describe('育儿补贴 card', () => {
  it('says it is loading until the answer arrives (not "no application")', async () => {
    let release: (r: Response) => void = () => {};
    globalThis.fetch = vi.fn(
      () =>
        new Promise<Response>((resolve) => {
          release = resolve;
        }),
    ) as unknown as typeof fetch;
    renderWithProviders(<SubsidyCard />);
    expect((await screen.findByTestId('subsidy-loading')).textContent).toBe('正在查询育儿补贴申请…');
    expect(screen.getByRole('region', { name: '育儿补贴' }).getAttribute('aria-busy')).toBe('true');
    release(Response.json(answer));
    await waitFor(() => expect(screen.queryByTestId('subsidy-loading')).toBeNull());
    expect(screen.getAllByText(/每月 300 元/).length).toBeGreaterThan(0);
  });

  it('shows the reason of a failure and retries', async () => {
    let calls = 0;
    globalThis.fetch = vi.fn(async () => {
      calls += 1;
      if (calls === 1)
        return Response.json(
          {
            type: 'about:blank',
            title: 'Service Unavailable',
            status: 503,
            code: 'db.unavailable',
            detail: 'down',
            detail_zh: '服务暂时不可用',
            detail_en: 'The service is unavailable',
          },
          { status: 503, headers: { 'content-type': 'application/problem+json' } },
        );
      return Response.json(answer);
    }) as unknown as typeof fetch;
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<SubsidyCard />);
    const alert = await screen.findByTestId('subsidy-error');
    expect(alert.textContent).toContain('服务暂时不可用');
    await user.click(screen.getByRole('button', { name: '重试' }));
    await waitFor(() => expect(screen.queryByTestId('subsidy-error')).toBeNull());
    expect(screen.queryByTestId('subsidy-loading')).toBeNull();
  });

  it("shows this year's renewal: open as 待年度复核, stopped with its reason", async () => {
    const item = (no: string, renewal: unknown) => ({
      applicationNo: no,
      childName: '王小宝',
      childIdNumber: '310118********0026',
      status: 'approved',
      appliedOn: '2025-10-10',
      dueOn: null,
      reason: null,
      dueFrom: '2025-01',
      dueTo: '2027-05',
      monthsDue: 29,
      monthsPaid: 12,
      amountPaid: 3600,
      bankAccount: '****0128',
      renewal,
    });
    globalThis.fetch = vi.fn(async () =>
      Response.json({
        ...answer,
        items: [
          item('A-1', { year: 2026, state: 'open', stopReason: null }),
          item('A-2', { year: 2026, state: 'stopped', stopReason: 'hukou_moved' }),
          item('A-3', null),
        ],
      }),
    ) as unknown as typeof fetch;
    renderWithProviders(<SubsidyCard />);
    const lines = await screen.findAllByTestId('subsidy-renewal');
    expect(lines.map((l) => l.textContent)).toEqual([
      '2026 年度复核：待年度复核',
      '2026 年度复核：已停发（户籍迁出本市），本年度不再发放',
    ]);
  });
});
