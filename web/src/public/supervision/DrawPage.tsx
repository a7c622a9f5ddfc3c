/** /supervision/draws/:id — one published draw, and a button that recomputes it in the browser. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DrawResult } from '../../../../domain/rules/draw.ts';
import { verifyPublishedDraw } from '../../../../domain/supervision/verify.ts';
import { ApiError } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { NotFound } from '../../components/PlainStatus.tsx';
import { useT } from '../../i18n/index.tsx';
import { publicDraws } from './api.ts';
import './supervision.css';

/** The inspections' results, public from the day the last inspector signs (20 working days at most). */
function Results({ id }: { id: string }) {
  const t = useT();
  const q = useQuery({
    queryKey: [...keys.supervision.publicDraw(id), 'results'],
    queryFn: ({ signal }) => publicDraws.results(id, signal),
  });
  if (!q.data) return null;
  return (
    <section aria-labelledby="sv-results" data-testid="draw-results">
      <h2 id="sv-results">{t('supervision.pub.results')}</h2>
      <p className="pub-note">{t('supervision.pub.resultsNote')}</p>
      <table className="sv-result">
        <thead>
          <tr>
            <th>{t('supervision.pub.target')}</th>
            <th>{t('supervision.pub.signedOn')}</th>
            <th>{t('supervision.pub.findings')}</th>
            <th>{t('supervision.pub.rectified')}</th>
          </tr>
        </thead>
        <tbody>
          {q.data.items.map((r) => {
            const n = r.findings.minor + r.findings.major + r.findings.serious;
            return (
              <tr key={r.institutionId}>
                <td>{r.name}</td>
                <td>
                  {r.signedOn ?? t('supervision.pub.inProgress')}
                  {r.signedOn && (
                    <div className="pub-note">
                      {r.dueOn
                        ? t('supervision.pub.dueOn', { date: r.dueOn })
                        : t('supervision.pub.dueUnknown')}
                    </div>
                  )}
                </td>
                <td>
                  {r.signedOn
                    ? n === 0
                      ? t('supervision.pub.noFindings')
                      : t('supervision.pub.findingCounts', {
                          serious: r.findings.serious,
                          major: r.findings.major,
                          minor: r.findings.minor,
                        })
                    : '—'}
                </td>
                <td>{r.signedOn && n > 0 ? `${r.rectified} / ${n}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export default function DrawPage() {
  const t = useT();
  const id = useParams().id ?? '';
  const q = useQuery({
    queryKey: keys.supervision.publicDraw(id),
    queryFn: ({ signal }) => publicDraws.get(id, signal),
    retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2,
  });
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400))
    return <NotFound home="/supervision/draws" />;
  const d = q.data;
  const back = (
    <p className="pub-back">
      <Link to="/supervision/draws">← {t('supervision.pub.back')}</Link>
    </p>
  );
  if (!d)
    return (
      <div className="pub-detail">
        {back}
        <p>{t('common.loading')}</p>
      </div>
    );

  const verify = () => {
    const started = performance.now();
    const out = verifyPublishedDraw({ ...d, result: d.result as DrawResult | null });
    const ms = (performance.now() - started).toFixed(1);
    setOutcome(
      out.verified
        ? { ok: true, text: t('supervision.pub.verified', { n: out.assignments, ms }) }
        : {
            ok: false,
            text: t('supervision.pub.notVerified', {
              reason: `${out.reason}${out.field ? ` (${out.field})` : ''}`,
            }),
          },
    );
  };
  const hash = (label: string, value: string | null) => (
    <>
      <dt>{label}</dt>
      <dd>
        <code className="sv-hash">{value ?? t('supervision.pub.notYet')}</code>
      </dd>
    </>
  );

  return (
    <article className="pub-detail">
      {back}
      <h1 className="pub-title">
        {t('supervision.pub.listTitle')} · {d.month} · {t(`supervision.pub.level.${d.level}`)}{' '}
        {d.divisionCode}
      </h1>
      <p className="pub-tags">
        <span className="pub-tag">{t(`supervision.pub.status.${d.status}`)}</span>
      </p>
      <p>
        {t('supervision.pub.pools', {
          targets: d.targets.length,
          inspectors: d.inspectors.length,
          sample: d.sampleSize,
        })}
        {' · '}
        {t('supervision.pub.conflicts', { n: d.conflicts.length })}
      </p>
      <dl className="sv-hashes">
        {hash(t('supervision.pub.commitment'), d.commitment)}
        {hash(t('supervision.pub.targetsHash'), d.targetsPoolHash)}
        {hash(t('supervision.pub.inspectorsHash'), d.inspectorsPoolHash)}
        {hash(t('supervision.pub.conflictsHash'), d.conflictsHash)}
        {hash(t('supervision.pub.secret'), d.secretHex)}
        {hash(t('supervision.pub.seed'), d.result?.seed ?? null)}
      </dl>
      {d.result ? (
        <>
          <h2>{t('supervision.pub.result')}</h2>
          <table className="sv-result">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('supervision.pub.target')}</th>
                <th>{t('supervision.pub.inspectors')}</th>
              </tr>
            </thead>
            <tbody>
              {d.result.assignments.map((a, i) => (
                <tr key={a.targetId}>
                  <td>{i + 1}</td>
                  <td>{d.targetNames[a.targetId] ?? a.targetId}</td>
                  <td>{a.inspectorIds.map((x) => d.inspectorNames[x] ?? x).join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" onClick={verify} className="sv-verify">
              {t('supervision.pub.verify')}
            </button>
          </p>
          {outcome ? (
            <p role="status" className={outcome.ok ? 'sv-ok' : 'pub-error'}>
              {outcome.text}
            </p>
          ) : null}
          <Results id={id} />
        </>
      ) : (
        <p>{t('supervision.pub.notYet')}</p>
      )}
    </article>
  );
}
