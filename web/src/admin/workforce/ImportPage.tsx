/**
 * /admin/workforce/staff/import — staff with their employment (CSV/XLSX) on the web kit's import panel: a
 * dry run with row errors (identity, scope, ban-list screening, one care post), then the commit as a
 * job; people already employed at the institution are skipped, so the same file twice adds nothing.
 */
import { Button } from 'antd';
import { Link } from 'react-router';
import { importApi } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { ImportPanel } from '../../components/ImportPanel.tsx';
import { useT } from '../../i18n/index.tsx';

const staffImport = importApi('/workforce/imports');

export default function ImportPage() {
  const t = useT();
  return (
    <ImportPanel
      api={staffImport}
      title={t('workforce.import.title')}
      intro={t('workforce.import.intro')}
      committedText={(run) => t('workforce.import.committed', { n: run.insertedRows })}
      after={
        <Link to="/admin/workforce/staff">
          <Button type="primary">{t('workforce.import.toList')}</Button>
        </Link>
      }
      invalidates={[keys.workforce.all]}
    />
  );
}
