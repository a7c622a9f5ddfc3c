/**
 * The integrity record (信用记录) on the public institution page (issue 10): serious findings, rectification
 * past its deadline and commendations of the configured period, newest first, each with whether it was
 * put right. Plain HTML (the portal's path stays light); says so when the period holds nothing.
 */
import { useQuery } from '@tanstack/react-query';
import { http, unwrap } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';

export function IntegritySection({ institutionId }: { institutionId: string }) {
  const t = useT();
  const [lang] = useLang();
  const q = useQuery({
    queryKey: [...keys.supervision.all, 'public', 'integrity', institutionId],
    queryFn: ({ signal }) =>
      unwrap(
        http.GET('/api/v1/public/supervision/institutions/{id}/integrity', {
          params: { path: { id: institutionId } },
          signal,
        }),
      ),
    retry: false,
  });
  const d = q.data;
  if (!d) return null;
  return (
    <section className="pub-section" aria-labelledby="pub-integrity" data-testid="integrity-record">
      <h2 id="pub-integrity">{t('supervision.pub.integrity.title')}</h2>
      <p className="pub-note">
        {t('supervision.pub.integrity.period', { months: d.months, since: d.since })}
      </p>
      {d.items.length === 0 ? (
        <p>{t('supervision.pub.integrity.none')}</p>
      ) : (
        <table className="pub-table">
          <thead>
            <tr>
              <th scope="col">{t('supervision.pub.integrity.date')}</th>
              <th scope="col">{t('supervision.pub.integrity.kind')}</th>
              <th scope="col">{t('supervision.pub.integrity.what')}</th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((i) => (
              <tr key={`${i.kind}-${i.date}-${i.zh}`}>
                <td>{i.date}</td>
                <td>{t(`supervision.pub.integrity.kinds.${i.kind}`)}</td>
                <td>
                  {pick(lang, i.zh, i.en)}
                  {i.rectified !== null && (
                    <>
                      {' · '}
                      {i.rectified
                        ? t('supervision.pub.integrity.rectified', { date: i.rectifiedOn ?? '' })
                        : t('supervision.pub.integrity.open')}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
