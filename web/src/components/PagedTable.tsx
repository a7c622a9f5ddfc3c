/**
 * A server-side paged table: the page, page size, filters and sort live in the URL (parsed with the
 * contract's zod schema, urlQuery.ts); each change fetches that page from the server. Columns with
 * `sorter: true` sort on the server by their `key` (the contract's `sort` values).
 */
import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import { Table, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { problemText } from '../api/errors.ts';
import { useLang, useT } from '../i18n/index.tsx';
import { type PageQuery, type UrlQuery, useUrlQuery } from './urlQuery.ts';

export interface PagedTableProps<Row, Q extends PageQuery> {
  /** The list's query contract (page, pageSize, filters, optional sort/order). */
  schema: z.ZodType<Q>;
  queryKey: (query: Q) => QueryKey;
  fetchPage: (query: Q, signal: AbortSignal) => Promise<{ items: Row[]; total: number }>;
  columns: TableColumnsType<Row>;
  rowKey: Extract<keyof Row, string>;
  /** Filters and buttons above the table, given the URL state and the total of the current list. */
  toolbar?: (state: UrlQuery<Q> & { total: number | undefined }) => ReactNode;
  /** Accessible name of the table. */
  label?: string;
  /** Shown when the page is empty (and there was no error). */
  emptyText?: string;
  rowClassName?: (row: Row) => string;
}

export function PagedTable<Row extends object, Q extends PageQuery>(props: PagedTableProps<Row, Q>) {
  const t = useT();
  const [lang] = useLang();
  const state = useUrlQuery(props.schema);
  const { query } = state;
  const list = useQuery({
    queryKey: props.queryKey(query),
    queryFn: ({ signal }) => props.fetchPage(query, signal),
    placeholderData: keepPreviousData,
  });

  const columns = props.columns.map((c) =>
    c.sorter && c.key
      ? {
          ...c,
          sortOrder:
            query.sort === c.key
              ? query.order === 'desc'
                ? ('descend' as const)
                : ('ascend' as const)
              : null,
        }
      : c,
  );

  const onChange: TableProps<Row>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const order = s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined;
      state.setSort(order ? String(s?.columnKey) : undefined, order);
      return;
    }
    const size = pagination.pageSize ?? query.pageSize;
    state.setPage(size !== query.pageSize ? 1 : (pagination.current ?? 1), size);
  };

  return (
    <>
      {props.toolbar?.({ ...state, total: list.data?.total })}
      <Table<Row>
        aria-label={props.label}
        rowKey={props.rowKey}
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        onChange={onChange}
        rowClassName={props.rowClassName}
        locale={
          list.error
            ? { emptyText: problemText(list.error, lang, t('common.unknownError')) }
            : props.emptyText
              ? { emptyText: props.emptyText }
              : undefined
        }
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </>
  );
}
