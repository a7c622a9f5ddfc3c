/**
 * The web kit's import panel (docs/kit/web.md): upload a spreadsheet, read the dry run's report,
 * commit, follow the progress — for any import built on the kit (server/platform/import/routes.ts).
 * The server checks every row (contract + domain rules + scope); nothing is written until the file is
 * clean, and the commit runs as a background job whose progress this panel polls.
 */

import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Progress,
  Result,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
} from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { RowErrorView } from '../../../domain/contracts/import.ts';
import type { ImportApi, ImportRun } from '../api/client.ts';
import { useShowError } from '../api/errors.ts';
import { keys } from '../api/keys.ts';
import { useLang, useT } from '../i18n/index.tsx';

const MAX_BYTES = 20 * 1024 * 1024;

export interface ImportPanelProps {
  api: ImportApi;
  title: string;
  intro: string;
  /** The line shown when the commit is done. */
  committedText: (run: ImportRun) => string;
  /** Where to go after the commit (a link or button). */
  after?: ReactNode;
  /** Query keys whose data the commit changes. */
  invalidates?: readonly (readonly unknown[])[];
  /** What the dry run's "existing" count means, when the import updates them rather than skipping. */
  existingLabel?: string;
}

export function ImportPanel({
  api,
  title,
  intro,
  committedText,
  after,
  invalidates = [],
  existingLabel,
}: ImportPanelProps) {
  const t = useT();
  const [lang] = useLang();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<string>();

  const upload = useMutation({
    mutationFn: (file: File) => api.upload(file),
    onSuccess: (run) => {
      queryClient.setQueryData(keys.imports.run(run.id), run);
      setRunId(run.id);
    },
    onError: (e) => showError(e),
  });
  const run = useQuery({
    queryKey: keys.imports.run(runId ?? ''),
    queryFn: ({ signal }) => api.get(runId!, signal),
    enabled: !!runId,
    refetchInterval: (q) => (q.state.data?.status === 'committing' ? 1000 : false),
  });
  const commit = useMutation({
    mutationFn: (id: string) => api.commit(id),
    onSuccess: (r) => {
      queryClient.setQueryData(keys.imports.run(r.id), r);
      for (const key of invalidates) void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => showError(e),
  });
  const current = run.data;
  // The commit is a background job: what it changes is there once the run says committed, not when
  // the commit was accepted. Refresh the pages' data again then.
  const committed = current?.status === 'committed' ? current.id : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per committed run; `invalidates` is a fresh array each render.
  useEffect(() => {
    if (committed) for (const key of invalidates) void queryClient.invalidateQueries({ queryKey: key });
  }, [committed, queryClient]);

  const columns: TableColumnsType<RowErrorView> = [
    { title: t('imp.row'), dataIndex: 'row', width: 80 },
    { title: t('imp.column'), dataIndex: 'column', width: 180 },
    {
      title: t('imp.message'),
      key: 'message',
      render: (_, e) => (lang === 'en' ? e.message_en : e.message_zh),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={title}
        extra={
          <Button icon={<DownloadOutlined />} href={api.templateUrl()} download>
            {t('imp.template')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
        {!current && (
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              if (file.size > MAX_BYTES) showError(new Error(t('imp.tooLarge')));
              else upload.mutate(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{upload.isPending ? t('imp.checking') : t('imp.drop')}</p>
            <p className="ant-upload-hint">{t('imp.dropHint')}</p>
          </Upload.Dragger>
        )}
        {current && <RunSummary run={current} existingLabel={existingLabel} />}
      </Card>
      {current && (
        <RunActions
          api={api}
          run={current}
          commit={commit}
          onAgain={() => setRunId(undefined)}
          committedText={committedText}
          after={after}
        />
      )}
      {current && current.errorCount > 0 && (
        <Card title={`${t('imp.errors')} (${current.errorCount})`}>
          <Table<RowErrorView>
            rowKey={(e) => `${e.row}:${e.field}:${e.rule}`}
            size="small"
            columns={columns}
            dataSource={current.errors}
            pagination={{ pageSize: 20, showSizeChanger: false }}
          />
        </Card>
      )}
    </Space>
  );
}

function RunSummary({ run, existingLabel }: { run: ImportRun; existingLabel?: string }) {
  const t = useT();
  return (
    <Space size={40} wrap>
      <Statistic title={t('imp.file')} value={run.fileName} styles={{ content: { fontSize: 16 } }} />
      <Statistic title={t('imp.total')} value={run.totalRows} />
      <Statistic title={t('imp.valid')} value={run.validRows} />
      <Statistic title={existingLabel ?? t('imp.existing')} value={run.existingRows} />
      <Statistic
        title={t('imp.errors')}
        value={run.errorCount}
        styles={run.errorCount ? { content: { color: '#cf1322' } } : undefined}
      />
    </Space>
  );
}

function RunActions({
  api,
  run,
  commit,
  onAgain,
  committedText,
  after,
}: {
  api: ImportApi;
  run: ImportRun;
  commit: { mutate: (id: string) => void; isPending: boolean };
  onAgain: () => void;
  committedText: (run: ImportRun) => string;
  after: ReactNode;
}) {
  const t = useT();
  const again = <Button onClick={onAgain}>{t('imp.again')}</Button>;
  if (run.status === 'invalid')
    return (
      <Alert
        type="error"
        showIcon
        title={t('imp.hasErrors', { n: run.errorCount })}
        description={run.errorsTruncated ? t('imp.truncated', { n: run.errors.length }) : undefined}
        action={
          <Space orientation="vertical">
            <Button danger icon={<DownloadOutlined />} href={api.errorsUrl(run.id)} download>
              {t('imp.report')}
            </Button>
            {again}
          </Space>
        }
      />
    );
  if (run.status === 'checked')
    return (
      <Alert
        type="success"
        showIcon
        title={t('imp.clean', { n: run.validRows })}
        action={
          <Space>
            {again}
            <Button type="primary" loading={commit.isPending} onClick={() => commit.mutate(run.id)}>
              {t('imp.commit')}
            </Button>
          </Space>
        }
      />
    );
  const percent = run.totalRows ? Math.floor((run.doneRows / run.totalRows) * 100) : 100;
  if (run.status === 'committing')
    return (
      <Card title={t('imp.committing')}>
        <Progress percent={percent} status="active" />
        <Typography.Text type="secondary">
          {run.doneRows} / {run.totalRows}
        </Typography.Text>
      </Card>
    );
  if (run.status === 'failed')
    return (
      <Alert
        type="error"
        showIcon
        title={t('imp.failed')}
        action={
          <Button type="primary" loading={commit.isPending} onClick={() => commit.mutate(run.id)}>
            {t('imp.commit')}
          </Button>
        }
      />
    );
  return (
    <Card>
      <Progress percent={100} />
      <Result
        status="success"
        title={committedText(run)}
        extra={
          <Space>
            {again}
            {after}
          </Space>
        }
      />
    </Card>
  );
}
