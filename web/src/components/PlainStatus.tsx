/** A plain status page (no antd): the portal's 404 and the router's error page. */
import { Link } from 'react-router';
import { useT } from '../i18n/index.tsx';

export function PlainStatus(props: {
  title: string;
  detail: string;
  action: { label: string; to?: string; onClick?: () => void };
}) {
  return (
    <div className="page-center plain-status">
      <div>
        <h1>{props.title}</h1>
        <p>{props.detail}</p>
        {props.action.to ? (
          <Link className="plain-button" to={props.action.to}>
            {props.action.label}
          </Link>
        ) : (
          <button type="button" className="plain-button" onClick={props.action.onClick}>
            {props.action.label}
          </button>
        )}
      </div>
    </div>
  );
}

export function NotFound({ home }: { home: string }) {
  const t = useT();
  return (
    <PlainStatus
      title={t('error.404.title')}
      detail={t('error.404.detail')}
      action={{ label: t('common.backHome'), to: home }}
    />
  );
}
