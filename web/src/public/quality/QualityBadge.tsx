/**
 * The quality part of the public institution page: a "demonstration institution" badge and the latest
 * published grade (and dimension scores where the round publishes them). Plain HTML (no antd/echarts on
 * the portal's path); renders nothing when there is nothing published.
 */
import { useQuery } from '@tanstack/react-query';
import { http, unwrap } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { type MessageKey, useT } from '../../i18n/index.tsx';

export function QualityBadge({ institutionId }: { institutionId: string }) {
  const t = useT();
  const q = useQuery({
    queryKey: keys.quality.public(institutionId),
    queryFn: ({ signal }) =>
      unwrap(
        http.GET('/api/v1/public/quality/institutions/{id}', {
          params: { path: { id: institutionId } },
          signal,
        }),
      ),
    retry: false,
  });
  const d = q.data;
  if (!d || (!d.demonstration && !d.result)) return null;
  return (
    <section className="pub-section" aria-labelledby="pub-quality" data-testid="quality-public">
      {d.demonstration && (
        <p className="pub-tags">
          <span className="pub-tag pub-tag-blue" data-testid="demonstration-badge">
            ★ {t('quality.public.badge', { year: d.demonstration.year })}
          </span>
        </p>
      )}
      {d.result && (
        <>
          <h2 id="pub-quality">{t('quality.public.result', { year: d.result.year })}</h2>
          <p>
            <strong>{t(`quality.grade.${d.result.grade}` as MessageKey)}</strong>
          </p>
          {d.result.dimensions && (
            <table className="pub-table">
              <tbody>
                {d.result.dimensions.map((x) => (
                  <tr key={x.code}>
                    <th scope="row">{x.name}</th>
                    <td className="pub-num">
                      {x.score} / {x.max}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
