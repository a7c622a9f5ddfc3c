/** 403 / 404 pages, shared by the console and the portal. */
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/index.tsx';

export function StatusPage({ status, home }: { status: 403 | 404; home: string }) {
  const t = useT();
  const navigate = useNavigate();
  const prefix = status === 403 ? 'error.403' : 'error.404';
  return (
    <Result
      status={status === 403 ? '403' : '404'}
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t(`${prefix}.title`)}</h1>}
      subTitle={t(`${prefix}.detail`)}
      extra={
        <Button type="primary" onClick={() => navigate(home)}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
