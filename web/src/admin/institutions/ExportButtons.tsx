/**
 * Export buttons of the registry list. Up to EXPORT_SYNC_MAX_ROWS rows the browser downloads the file
 * directly; above it the server makes the file in the background and this shows its download link.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { EXPORT_SYNC_MAX_ROWS } from '../../../../domain/contracts/import.ts';
import { api, type ExportQuery } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { useT } from '../../i18n/index.tsx';

export function ExportButtons({ query, total }: { query: ExportQuery; total: number | undefined }) {
  const t = useT();
  const { modal } = App.useApp();
  const showError = useShowError();
  const large = (total ?? 0) > EXPORT_SYNC_MAX_ROWS;
  const button = (format: 'xlsx' | 'csv', label: string) =>
    large ? (
      <Button
        icon={<DownloadOutlined />}
        onClick={() =>
          api.institutions.exportJob({ ...query, format }).then(
            (job) => {
              modal.info({
                title: t('exp.background'),
                content: (
                  <a href={job.downloadUrl} download>
                    {t('exp.download')}
                  </a>
                ),
              });
            },
            (e) => showError(e),
          )
        }
      >
        {label}
      </Button>
    ) : (
      <Button icon={<DownloadOutlined />} href={api.institutions.exportUrl({ ...query, format })} download>
        {label}
      </Button>
    );
  return (
    <>
      {button('xlsx', t('inst.exportXlsx'))}
      {button('csv', t('inst.exportCsv'))}
    </>
  );
}
