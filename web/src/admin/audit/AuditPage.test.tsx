/** The audit page on PagedTable: the account picker names accounts, the URL's filters reach the list and the export links. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import AuditPage from './AuditPage.tsx';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const ID = '0190a000-0000-7000-8000-000000000001';
const entry = {
  seq: 7,
  at: '2026-03-01T01:30:00.000Z',
  actorId: ID,
  actorUsername: 'district',
  role: 'district_officer',
  scope: 'division:310118',
  ip: '10.0.0.1',
  action: 'institutions.approve',
  objectType: 'institution',
  objectId: 'x',
  result: 'success',
  requestId: 'r1',
  changes: { status: ['submitted', 'filed'] },
  hash: 'ab'.repeat(32),
  actorName: '王区级',
  objectName: { zh: '青浦区甲托育园', en: '青浦区甲托育园' },
  scopeLabel: { zh: '青浦区', en: 'Qingpu District' },
};

function stub() {
  const urls: string[] = [];
  globalThis.fetch = vi.fn(async (req: Request) => {
    const url = new URL(req.url);
    urls.push(url.pathname + url.search);
    if (url.pathname === '/api/v1/audit/actors')
      return Response.json({
        items: [{ id: ID, username: 'district', displayName: '王区级', role: 'district_officer' }],
      });
    return Response.json({ items: [entry], total: 1, page: 1, pageSize: 20 });
  }) as unknown as typeof fetch;
  return urls;
}

describe('audit page', () => {
  it('lists names, filters by the URL (actorId), and exports the same filters', async () => {
    const urls = stub();
    renderWithProviders(<AuditPage />, { url: `/?actorId=${ID}&action=institutions.approve` });
    await waitFor(() => expect(screen.getAllByText('王区级').length).toBeGreaterThan(0));
    expect(urls).toContain(`/api/v1/audit?page=1&pageSize=20&action=institutions.approve&actorId=${ID}`);
    expect(screen.getByText('予以备案', { selector: 'td span' })).toBeTruthy();
    // The picker shows the chosen account by name and role, not an id.
    expect(within(screen.getByTestId('audit-filters')).getByText('王区级（区级管理员）')).toBeTruthy();
    const xlsx = screen.getByTestId('audit-export-xlsx').getAttribute('href') ?? '';
    expect(xlsx).toContain('/api/v1/audit/export?');
    expect(xlsx).toContain(`actorId=${ID}`);
    expect(xlsx).toContain('action=institutions.approve');
    expect(xlsx).toContain('format=xlsx');
  });

  it('opens an entry: the scope as a place and the changes as field | before | after', async () => {
    stub();
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<AuditPage />);
    await user.click(await screen.findByRole('button', { name: '第 7 条记录详情' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('青浦区')).toBeTruthy();
    expect(within(drawer).getByText('变更前')).toBeTruthy();
    expect(within(drawer).getByText('变更后')).toBeTruthy();
  });
});
