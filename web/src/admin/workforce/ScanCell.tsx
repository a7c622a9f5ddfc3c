/** A certificate's scan: a link to the current one, and (for whoever may edit the person) an upload (PDF/JPEG/PNG ≤ 5 MB). */
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Upload } from 'antd';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useT } from '../../i18n/index.tsx';
import { type StaffDetail, workforceApi } from './api.ts';

const TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const MAX_BYTES = 5 * 1024 * 1024; // the server's limit for purpose staff_certificate

export function ScanCell(props: {
  staffId: string;
  certificate: StaffDetail['certificates'][number];
  canUpload: boolean;
}) {
  const { staffId, certificate: c, canUpload } = props;
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => workforceApi.uploadScan(staffId, c.id, file),
    onSuccess: () => {
      message.success(t('workforce.scanUploaded'));
      void queryClient.invalidateQueries({ queryKey: keys.workforce.detail(staffId) });
    },
    onError: (err) => showError(err),
  });
  return (
    <Space size={8} wrap>
      {c.fileId ? (
        <a href={workforceApi.scanUrl(staffId, c.id)} target="_blank" rel="noopener">
          {t('workforce.scanView')}
        </a>
      ) : (
        <span style={{ color: 'rgba(0,0,0,0.65)' }}>{t('workforce.scanNone')}</span>
      )}
      {canUpload && (
        <Upload
          accept={TYPES.join(',')}
          showUploadList={false}
          beforeUpload={(file) => {
            if (!(TYPES as readonly string[]).includes(file.type)) message.error(t('workforce.scanType'));
            else if (file.size > MAX_BYTES) message.error(t('workforce.scanTooLarge'));
            else upload.mutate(file);
            return false;
          }}
        >
          <Button
            size="small"
            icon={<UploadOutlined />}
            loading={upload.isPending}
            aria-label={`${t('workforce.scanUpload')} ${c.number}`}
          >
            {c.fileId ? t('workforce.scanReplace') : t('workforce.scanUpload')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}
