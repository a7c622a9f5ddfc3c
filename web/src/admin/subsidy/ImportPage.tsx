/** /admin/subsidy/import — the national subsidy system's applications (CSV/XLSX) on the web kit's import panel. */
import { Button } from 'antd';
import { Link } from 'react-router';
import { importApi } from '../../api/client.ts';
import { ImportPanel } from '../../components/ImportPanel.tsx';
import { useT } from '../../i18n/index.tsx';
import { subsidyKey } from './api.ts';

const applications = importApi('/subsidy/imports');

export default function ImportPage() {
  const t = useT();
  return (
    <ImportPanel
      api={applications}
      title={t('subsidy.import.title')}
      intro={t('subsidy.import.intro')}
      committedText={(run) => t('subsidy.import.committed', { n: run.insertedRows })}
      after={
        <Link to="/admin/subsidy/applications?status=submitted">
          <Button type="primary">{t('subsidy.import.toList')}</Button>
        </Link>
      }
      invalidates={[subsidyKey]}
    />
  );
}
