/** /supervision/draws — the published double-random draws (双随机一公开). */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { keys } from '../../api/keys.ts';
import { useT } from '../../i18n/index.tsx';
import { publicDraws } from './api.ts';
import './supervision.css';

export default function DrawsPage() {
  const t = useT();
  const q = useQuery({
    queryKey: keys.supervision.publicDraws(),
    queryFn: ({ signal }) => publicDraws.list(signal),
  });
  const items = q.data?.items ?? [];
  return (
    <div className="pub-detail">
      <h1 className="pub-title">{t('supervision.pub.listTitle')}</h1>
      <p>{t('supervision.pub.listIntro')}</p>
      {q.isLoading ? <p>{t('common.loading')}</p> : null}
      {!q.isLoading && items.length === 0 ? <p>{t('supervision.pub.empty')}</p> : null}
      <ul className="sv-draw-list">
        {items.map((d) => (
          <li key={d.id}>
            <Link to={`/supervision/draws/${d.id}`}>
              {d.month} · {t(`supervision.pub.level.${d.level}`)} {d.divisionCode} ·{' '}
              {t(`supervision.pub.status.${d.status}`)}
            </Link>
            <br />
            <small>
              {t('supervision.pub.pools', {
                targets: d.targetsPool,
                inspectors: d.inspectorsPool,
                sample: d.sampleSize,
              })}
            </small>
          </li>
        ))}
      </ul>
    </div>
  );
}
