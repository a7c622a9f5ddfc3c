/** Filing documents: the list with download links, and upload (PDF/JPEG/PNG ≤ 10 MB) with a category. */

import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, type TableColumnsType, Upload } from 'antd';
import { useState } from 'react';
import {
  DOCUMENT_CATEGORIES,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_TYPES,
} from '../../../../domain/contracts/institution.ts';
import { api, type InstitutionDetail, type InstitutionDocument } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { type MessageKey, useT } from '../../i18n/index.tsx';
import { dateTime } from './shared.ts';

type Category = (typeof DOCUMENT_CATEGORIES)[number];
const categoryKey = (c: string) =>
  (DOCUMENT_CATEGORIES as readonly string[]).includes(c) ? (`inst.doc.${c}` as MessageKey) : null;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function DocumentsCard({ inst }: { inst: InstitutionDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<Category>('business_license');
  const canUpload = inst.permittedActions.includes('upload_document');
  const upload = useMutation({
    mutationFn: (file: File) => api.institutions.uploadDocument(inst.id, category, file),
    onSuccess: () => {
      message.success(t('inst.uploaded'));
      void queryClient.invalidateQueries({ queryKey: keys.institutions.detail(inst.id) });
      void queryClient.invalidateQueries({ queryKey: keys.institutions.all });
    },
    onError: (err) => showError(err),
  });
  const label = (c: string) => {
    const key = categoryKey(c);
    return key ? t(key) : c;
  };

  const columns: TableColumnsType<InstitutionDocument> = [
    { title: t('inst.docCategory'), key: 'category', render: (_, d) => label(d.category) },
    {
      title: t('inst.docFile'),
      key: 'file',
      render: (_, d) => (
        <a href={api.institutions.documentUrl(inst.id, d.id)} download={d.fileName}>
          {d.fileName}
        </a>
      ),
    },
    { title: t('inst.docSize'), key: 'size', align: 'right', render: (_, d) => size(d.sizeBytes) },
    { title: t('inst.docUploadedAt'), key: 'at', render: (_, d) => dateTime(d.uploadedAt) },
  ];

  return (
    <Card
      title={t('inst.documents')}
      size="small"
      extra={
        canUpload && (
          <Space wrap size={8}>
            <Select<Category>
              aria-label={t('inst.docCategory')}
              size="small"
              value={category}
              onChange={setCategory}
              options={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: label(c) }))}
              style={{ width: 200 }}
            />
            <Upload
              accept={DOCUMENT_TYPES.join(',')}
              showUploadList={false}
              beforeUpload={(file) => {
                if (!(DOCUMENT_TYPES as readonly string[]).includes(file.type))
                  message.error(t('inst.docTypeInvalid'));
                else if (file.size > DOCUMENT_MAX_BYTES) message.error(t('inst.docTooLarge'));
                else upload.mutate(file);
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                {t('inst.upload')}
              </Button>
            </Upload>
          </Space>
        )
      }
    >
      <Table<InstitutionDocument>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={inst.documents}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('inst.noDocuments') }}
      />
      {canUpload && <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.55)' }}>{t('inst.docHint')}</div>}
    </Card>
  );
}
