/**
 * /family/rights — 我的信息权利: the parent exports the family's data (a print-ready page with
 * "打印 / 保存为 PDF" and a JSON download; numbers stay masked, as the server answers them), and asks
 * for a correction or a deletion (answered within 15 working days); their requests and outcomes.
 * The export is fetched on demand: every export is audited on the server.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  FAMILY_REQUEST_FIELDS,
  type FamilyRequestField,
  type FamilyRequestKind,
} from '../../../../domain/contracts/families.ts';
import type { Me } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { queryClient } from '../../queryClient.ts';
import {
  type FamilyExport,
  type FamilyRequest,
  familyApi,
  portalKeys,
  rightsApi,
  rightsKeys,
} from './api.ts';
import { chinaDateOf, FamilyTabs, FieldError, ParentOnly, useErrorTexts } from './shared.tsx';

export default function RightsPage() {
  return <ParentOnly>{(me) => <Rights me={me} />}</ParentOnly>;
}

function Rights({ me }: { me: Me }) {
  const t = useT();
  return (
    <div className="fp-page">
      <FamilyTabs me={me} />
      <h1 className="fp-title">{t('familiesPortal.rights.title')}</h1>
      <p className="fp-muted">{t('familiesPortal.rights.intro')}</p>
      <ExportSection />
      <RequestForm />
      <MyRequests />
    </div>
  );
}

function download(data: FamilyExport) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `family-export-${data.exportedAt.slice(0, 10)}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

function ExportSection() {
  const t = useT();
  const mine = useQuery({ queryKey: portalKeys.mine, queryFn: ({ signal }) => familyApi.mine(signal) });
  const load = useMutation({ mutationFn: (familyId: string) => rightsApi.exportFamily(familyId) });
  const errors = useErrorTexts(load.error);
  const data = load.data;
  return (
    <section aria-labelledby="fp-export" className="fp-card">
      <h2 id="fp-export">{t('familiesPortal.rights.export')}</h2>
      <p className="fp-muted">{t('familiesPortal.rights.exportHelp')}</p>
      {errors.general ? (
        <p className="fp-error" role="alert">
          {errors.general}
        </p>
      ) : null}
      <div className="fp-actions fp-no-print">
        {data ? (
          <>
            <button type="button" className="fp-primary" onClick={() => window.print()}>
              {t('familiesPortal.rights.print')}
            </button>
            <button type="button" className="fp-secondary" onClick={() => download(data)}>
              {t('familiesPortal.rights.downloadJson')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="fp-primary"
            disabled={!mine.data || load.isPending}
            onClick={() => mine.data && load.mutate(mine.data.id)}
          >
            {load.isPending ? t('common.loading') : t('familiesPortal.rights.prepare')}
          </button>
        )}
      </div>
      {data ? <Printable data={data} /> : null}
    </section>
  );
}

/** The export as a document: the only part of the page that is printed. */
function Printable({ data }: { data: FamilyExport }) {
  const t = useT();
  const f = data.family;
  const guardian = new Map(f.guardians.map((g) => [g.id, g.name]));
  return (
    <article className="fp-print" aria-label={t('familiesPortal.rights.document')}>
      <h2>{t('familiesPortal.rights.document')}</h2>
      <p className="fp-muted">
        {t('familiesPortal.rights.exportedAt', { date: chinaDateOf(data.exportedAt) })} ·{' '}
        {t('familiesPortal.rights.maskedNote')}
      </p>
      <p>
        {f.communityName} · {f.address}
      </p>
      <h3>{t('familiesPortal.family.children')}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('familiesPortal.rights.name')}</th>
            <th>{t('familiesPortal.family.idNumber')}</th>
            <th>{t('familiesPortal.family.birthDate')}</th>
            <th>{t('familiesPortal.rights.sex')}</th>
          </tr>
        </thead>
        <tbody>
          {f.children.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{c.idNumber}</td>
              <td>{c.birthDate}</td>
              <td>{t(`familiesPortal.sex.${c.sex}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('familiesPortal.family.guardians')}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('familiesPortal.rights.name')}</th>
            <th>{t('familiesPortal.rights.relation')}</th>
            <th>{t('familiesPortal.family.mobile')}</th>
            <th>{t('familiesPortal.family.idNumber')}</th>
          </tr>
        </thead>
        <tbody>
          {f.guardians.map((g) => (
            <tr key={g.id}>
              <td>{g.name}</td>
              <td>{t(`familiesPortal.relation.${g.relation}`)}</td>
              <td>{g.mobile}</td>
              <td>{g.idNumber ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('familiesPortal.family.consents')}</h3>
      {f.consents.length === 0 ? <p>{t('familiesPortal.rights.empty')}</p> : null}
      <table>
        <tbody>
          {f.consents.map((c) => (
            <tr key={`${c.guardianId}-${c.purpose}`}>
              <td>{t(`familiesPortal.purpose.${c.purpose}`)}</td>
              <td>{guardian.get(c.guardianId) ?? ''}</td>
              <td>
                {c.status === 'given'
                  ? t('familiesPortal.consent.givenOn', { date: chinaDateOf(c.givenAt) })
                  : t('familiesPortal.consent.withdrawnOn', {
                      date: c.withdrawnAt ? chinaDateOf(c.withdrawnAt) : '',
                    })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('familiesPortal.family.visits')}</h3>
      {f.visits.length === 0 ? <p>{t('familiesPortal.rights.empty')}</p> : null}
      <table>
        <tbody>
          {f.visits.map((v) => (
            <tr key={v.id}>
              <td>{v.visitedOn ?? v.scheduledFor}</td>
              <td>{t(`familiesPortal.visitStatus.${v.status}`)}</td>
              <td>{[v.feeding, v.growth, v.safety, v.diseasePrevention].filter(Boolean).join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('familiesPortal.rights.bookings')}</h3>
      {data.bookings.length === 0 ? <p>{t('familiesPortal.rights.empty')}</p> : null}
      <table>
        <tbody>
          {data.bookings.map((b) => (
            <tr key={b.id}>
              <td>
                {b.date} {b.startTime}
              </td>
              <td>{b.institutionName}</td>
              <td>{t(`familiesPortal.bookingStatus.${b.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('familiesPortal.rights.applications')}</h3>
      {data.applications.length === 0 ? <p>{t('familiesPortal.rights.empty')}</p> : null}
      <table>
        <tbody>
          {data.applications.map((a) => (
            <tr key={a.id}>
              <td>{a.childName}</td>
              <td>{a.preferences.map((p) => p.name).join('、')}</td>
              <td>{a.startDate}</td>
              <td>{t(`familiesPortal.appStatus.${a.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('familiesPortal.rights.guidance')}</h3>
      {data.guidance.length === 0 ? <p>{t('familiesPortal.rights.empty')}</p> : null}
      <table>
        <tbody>
          {data.guidance.flatMap((y) =>
            y.items.map((g) => (
              <tr key={g.signupId}>
                <td>{new Date(g.startsAt).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })}</td>
                <td>{g.title}</td>
                <td>{g.place}</td>
                <td>
                  {g.cancelledAt
                    ? t('familiesPortal.rights.guidanceCancelled')
                    : g.attended
                      ? t('familiesPortal.rights.guidanceAttended')
                      : ''}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <h3>{t('familiesPortal.rights.online')}</h3>
      {data.onlineRegistrations.length + data.distributions.length === 0 ? (
        <p>{t('familiesPortal.rights.empty')}</p>
      ) : null}
      <table>
        <tbody>
          {data.onlineRegistrations.map((r) => (
            <tr key={r.id}>
              <td>{r.registeredOn}</td>
              <td>{t(`families.online.platform.${r.platform}`)}</td>
            </tr>
          ))}
          {data.distributions.map((d) => (
            <tr key={d.id}>
              <td>{d.givenOn}</td>
              <td>{t(`families.online.item.${d.item}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('familiesPortal.rights.requests')}</h3>
      {data.requests.length === 0 ? <p>{t('familiesPortal.rights.empty')}</p> : null}
      <table>
        <tbody>
          {data.requests.map((r) => (
            <tr key={r.id}>
              <td>{r.submittedOn}</td>
              <td>{t(`familiesPortal.rights.kind.${r.kind}`)}</td>
              <td>{t(`familiesPortal.rights.status.${r.status}`)}</td>
              <td>{r.resolution ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

function RequestForm() {
  const t = useT();
  const mine = useQuery({ queryKey: portalKeys.mine, queryFn: ({ signal }) => familyApi.mine(signal) });
  const [kind, setKind] = useState<FamilyRequestKind>('correction');
  const [guardianId, setGuardianId] = useState('');
  const [field, setField] = useState<FamilyRequestField | ''>('');
  const [text, setText] = useState('');
  const [sent, setSent] = useState<FamilyRequest | null>(null);
  const submit = useMutation({
    mutationFn: () =>
      rightsApi.submit({
        kind,
        guardianId: guardianId || mine.data?.guardians[0]?.id || '',
        ...(kind === 'correction' && field ? { field } : {}),
        ...(text.trim() ? { text } : {}),
      }),
    onMutate: () => setSent(null),
    onSuccess: (r) => {
      setSent(r);
      setText('');
      void queryClient.invalidateQueries({ queryKey: rightsKeys.requests });
    },
  });
  const errors = useErrorTexts(submit.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (kind === 'deletion' && !window.confirm(t('familiesPortal.rights.deletionConfirm'))) return;
    submit.mutate();
  };
  return (
    <section aria-labelledby="fp-request" className="fp-card fp-no-print">
      <h2 id="fp-request">{t('familiesPortal.rights.ask')}</h2>
      <p className="fp-muted">{t('familiesPortal.rights.askHelp')}</p>
      {errors.general && Object.keys(errors.fields).length === 0 ? (
        <p className="fp-error" role="alert">
          {errors.general}
        </p>
      ) : null}
      {sent ? (
        <p className="fp-ok" role="status">
          {sent.dueOn
            ? t('familiesPortal.rights.sent', { date: sent.dueOn })
            : t('familiesPortal.rights.sentNoDate')}
        </p>
      ) : null}
      <form className="fp-form" onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>{t('familiesPortal.rights.kindLabel')}</legend>
          <div className="fp-radios">
            {(['correction', 'deletion'] as const).map((k) => (
              <label key={k} className="fp-radio">
                <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
                {t(`familiesPortal.rights.kind.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor="fp-r-guardian">{t('familiesPortal.rights.guardian')}</label>
        <select
          id="fp-r-guardian"
          value={guardianId || mine.data?.guardians[0]?.id || ''}
          onChange={(e) => setGuardianId(e.target.value)}
          aria-describedby="fp-r-guardian-err"
        >
          {(mine.data?.guardians ?? []).map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <FieldError id="fp-r-guardian-err" text={errors.fields.guardianId} />
        {kind === 'correction' ? (
          <>
            <label htmlFor="fp-r-field">{t('familiesPortal.rights.field')}</label>
            <select
              id="fp-r-field"
              value={field}
              onChange={(e) => setField(e.target.value as FamilyRequestField | '')}
              aria-describedby="fp-r-field-err"
              aria-invalid={!!errors.fields.field}
            >
              <option value="">{t('familiesPortal.rights.choose')}</option>
              {FAMILY_REQUEST_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`familiesPortal.rights.fieldName.${f}`)}
                </option>
              ))}
            </select>
            <FieldError id="fp-r-field-err" text={errors.fields.field} />
          </>
        ) : (
          <p className="fp-muted">{t('familiesPortal.rights.deletionHelp')}</p>
        )}
        <label htmlFor="fp-r-text">
          {kind === 'correction'
            ? t('familiesPortal.rights.text')
            : t('familiesPortal.rights.reasonOptional')}
        </label>
        <textarea
          id="fp-r-text"
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="fp-r-text-err"
          aria-invalid={!!errors.fields.text}
        />
        <FieldError id="fp-r-text-err" text={errors.fields.text} />
        <button type="submit" className="fp-primary" disabled={submit.isPending || !mine.data}>
          {t('familiesPortal.rights.submit')}
        </button>
      </form>
    </section>
  );
}

function MyRequests() {
  const t = useT();
  const q = useQuery({ queryKey: rightsKeys.requests, queryFn: ({ signal }) => rightsApi.requests(signal) });
  const items = q.data?.items ?? [];
  return (
    <section aria-labelledby="fp-requests" className="fp-card fp-no-print">
      <h2 id="fp-requests">{t('familiesPortal.rights.requests')}</h2>
      {q.isError ? <p role="alert">{t('common.unknownError')}</p> : null}
      {q.data && items.length === 0 ? <p>{t('familiesPortal.rights.none')}</p> : null}
      <ul className="fp-list">
        {items.map((r) => (
          <li key={r.id}>
            <strong>{t(`familiesPortal.rights.kind.${r.kind}`)}</strong>
            {r.field ? ` · ${t(`familiesPortal.rights.fieldName.${r.field}`)}` : ''} ·{' '}
            {t(`familiesPortal.rights.status.${r.status}`)}
            <br />
            <span className="fp-muted">
              {t('familiesPortal.rights.submittedOn', { date: r.submittedOn })} ·{' '}
              {r.dueOn
                ? t('familiesPortal.rights.dueOn', { date: r.dueOn })
                : t('familiesPortal.rights.dueUnknown')}
            </span>
            {r.resolution ? (
              <>
                <br />
                {t('familiesPortal.rights.resolution', { text: r.resolution })}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
