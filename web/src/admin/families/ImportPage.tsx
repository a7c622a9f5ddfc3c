/**
 * /admin/families/import — the health commission's birth records (CSV/XLSX) on the web kit's import
 * panel: a dry run with row errors, then the commit as a job; idempotent by the child's ID (a changed
 * row updates, the same file twice adds nothing).
 */
import { Button } from 'antd';
import { Link } from 'react-router';
import { importApi } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { ImportPanel } from '../../components/ImportPanel.tsx';
import { useT } from '../../i18n/index.tsx';

const birthRecords = importApi('/families/imports');

export default function ImportPage() {
  const t = useT();
  return (
    <ImportPanel
      api={birthRecords}
      title={t('families.import.title')}
      intro={t('families.import.intro')}
      committedText={(run) => t('families.import.committed', { n: run.insertedRows })}
      after={
        <Link to="/admin/families/children">
          <Button type="primary">{t('families.import.toList')}</Button>
        </Link>
      }
      invalidates={[keys.families.all]}
    />
  );
}
