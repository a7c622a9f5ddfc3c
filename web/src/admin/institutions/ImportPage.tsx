/** /admin/institutions/import — the registry's spreadsheet import on the web kit's import panel. */
import { Button } from 'antd';
import { Link } from 'react-router';
import { importApi } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { ImportPanel } from '../../components/ImportPanel.tsx';
import { useT } from '../../i18n/index.tsx';

const institutionsImport = importApi('/institutions/imports');

export default function ImportPage() {
  const t = useT();
  return (
    <ImportPanel
      api={institutionsImport}
      title={t('imp.title')}
      intro={t('imp.intro')}
      committedText={(run) =>
        t('imp.committed', { inserted: run.insertedRows, skipped: run.totalRows - run.insertedRows })
      }
      after={
        <Link to="/admin/institutions">
          <Button type="primary">{t('imp.toList')}</Button>
        </Link>
      }
      invalidates={[keys.institutions.all]}
    />
  );
}
