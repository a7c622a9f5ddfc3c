import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { institutionListQuery } from '../../../domain/contracts/institution.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { PagedTable } from './PagedTable.tsx';
import { parseQuery } from './urlQuery.ts';

interface Row {
  id: string;
  name: string;
}

function Where() {
  const l = useLocation();
  return <output data-testid="where">{l.search}</output>;
}

function setup(url: string) {
  const fetchPage = vi.fn(async (q: { page: number; pageSize: number }) => ({
    items: Array.from({ length: Math.min(q.pageSize, 3) }, (_, i) => ({
      id: `${q.page}-${i}`,
      name: `机构 ${q.page}-${i}`,
    })),
    total: 95,
  }));
  renderWithProviders(
    <>
      <PagedTable<Row, typeof institutionListQuery._output>
        schema={institutionListQuery}
        queryKey={(q) => ['test', q]}
        fetchPage={fetchPage}
        rowKey="id"
        label="列表"
        columns={[{ title: '名称', key: 'name', dataIndex: 'name', sorter: true }]}
        toolbar={({ setFilter }) => (
          <button type="button" onClick={() => setFilter('status', 'operating')}>
            只看运营中
          </button>
        )}
      />
      <Where />
    </>,
    { url },
  );
  return fetchPage;
}

describe('parseQuery', () => {
  it('keeps valid parameters, drops invalid and unknown ones, fills defaults', () => {
    const q = parseQuery(
      institutionListQuery,
      new URLSearchParams('page=3&status=bogus&kind=kindergarten&x=1'),
    );
    expect(q).toEqual({ page: 3, pageSize: 20, kind: 'kindergarten' });
    expect(parseQuery(institutionListQuery, new URLSearchParams('page=-1'))).toEqual({
      page: 1,
      pageSize: 20,
    });
  });
});

describe('PagedTable', () => {
  it('fetches the page the URL names, with its filters', async () => {
    const fetchPage = setup('/?page=2&status=filed&bogus=1');
    await waitFor(() => expect(screen.getByText('机构 2-0')).toBeTruthy());
    expect(fetchPage.mock.calls[0]?.[0]).toEqual({ page: 2, pageSize: 20, status: 'filed' });
  });

  it('paging, sorting and filters go into the URL and refetch', async () => {
    const fetchPage = setup('/');
    await waitFor(() => expect(screen.getByText('机构 1-0')).toBeTruthy());
    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('?page=3&pageSize=20'));
    await waitFor(() => expect(screen.getByText('机构 3-0')).toBeTruthy());

    fireEvent.click(screen.getAllByText('名称')[0]!);
    await waitFor(() =>
      expect(screen.getByTestId('where').textContent).toBe('?pageSize=20&sort=name&order=asc'),
    );
    await waitFor(() =>
      expect(fetchPage).toHaveBeenLastCalledWith(
        { page: 1, pageSize: 20, sort: 'name', order: 'asc' },
        expect.anything(),
      ),
    );

    fireEvent.click(screen.getByText('只看运营中'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toContain('status=operating'));
    await waitFor(() =>
      expect(fetchPage.mock.lastCall?.[0]).toMatchObject({ page: 1, status: 'operating', sort: 'name' }),
    );
  });
});
