/**
 * /complaints — 投诉托育机构 (issue 10): anyone complains about an institution in service without logging
 * in (contact optional), gets a receipt code shown once, and follows the complaint with it (status,
 * dates, and the town's reply once closed). `?institution=<id>` (from an institution's page) preselects it.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  COMPLAINT_CATEGORIES,
  type ComplaintCategory,
} from '../../../../domain/contracts/supervision-complaints.ts';
import { api } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { FieldError, useErrorTexts } from '../families/shared.tsx';
import { type ComplaintReceipt, type ComplaintStatus, publicComplaints } from './api.ts';

const when = (iso: string | null, lang: string) =>
  iso
    ? new Date(iso).toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
        timeZone: 'Asia/Shanghai',
        dateStyle: 'medium',
        timeStyle: 'short',
      })
    : '—';

export default function ComplaintPage() {
  const t = useT();
  return (
    <div className="fp-page">
      <h1 className="fp-title">{t('supervision.pub.complain.title')}</h1>
      <p className="fp-muted">{t('supervision.pub.complain.intro')}</p>
      <ComplaintForm />
      <Lookup />
    </div>
  );
}

function ComplaintForm() {
  const t = useT();
  const [params] = useSearchParams();
  const [search, setSearch] = useState('');
  const [institutionId, setInstitutionId] = useState(params.get('institution') ?? '');
  const [category, setCategory] = useState<ComplaintCategory | ''>('');
  const [content, setContent] = useState('');
  const [phone, setPhone] = useState('');
  const [receipt, setReceipt] = useState<ComplaintReceipt | null>(null);
  const preset = params.get('institution');
  const chosen = useQuery({
    queryKey: keys.publicInstitutions.detail(preset ?? ''),
    queryFn: ({ signal }) => api.publicInstitutions.get(preset ?? '', signal),
    enabled: !!preset,
  });
  const found = useQuery({
    queryKey: keys.publicInstitutions.search({ q: search.trim(), sort: 'name', pageSize: 50 }),
    queryFn: ({ signal }) =>
      api.publicInstitutions.search({ q: search.trim() || undefined, sort: 'name', pageSize: 50 }, signal),
  });
  const options = [
    ...(chosen.data ? [{ id: chosen.data.id, name: chosen.data.name }] : []),
    ...(found.data?.items ?? []).filter((i) => i.id !== chosen.data?.id),
  ];
  const submit = useMutation({
    mutationFn: () =>
      publicComplaints.submit({
        institutionId,
        category: category as ComplaintCategory,
        content,
        ...(phone.trim() ? { contactPhone: phone.trim() } : {}),
      }),
    onMutate: () => setReceipt(null),
    onSuccess: (r) => {
      setReceipt(r);
      setContent('');
      setPhone('');
    },
  });
  const errors = useErrorTexts(submit.error);
  const missing = (v: string) => (submit.isIdle || v ? undefined : t('supervision.pub.complain.required'));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };
  if (receipt)
    return (
      <section className="fp-card" aria-live="polite">
        <h2>{t('supervision.pub.complain.received')}</h2>
        <p className="fp-ok" role="status">
          {t('supervision.pub.complain.receipt')}
          <strong className="pub-mono" data-testid="receipt-code">
            {receipt.receiptCode}
          </strong>
        </p>
        <p className="fp-muted">{t('supervision.pub.complain.keep')}</p>
      </section>
    );
  return (
    <section aria-labelledby="cp-form" className="fp-card">
      <h2 id="cp-form" className="sr-only">
        {t('supervision.pub.complain.title')}
      </h2>
      {errors.general && Object.keys(errors.fields).length === 0 ? (
        <p className="fp-error" role="alert">
          {errors.general}
        </p>
      ) : null}
      <form className="fp-form" onSubmit={onSubmit} noValidate>
        <label htmlFor="cp-search">{t('supervision.pub.complain.institution')}</label>
        <input
          id="cp-search"
          type="search"
          value={search}
          placeholder={t('supervision.pub.complain.institutionPlaceholder')}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          id="cp-institution"
          aria-label={t('supervision.pub.complain.institution')}
          value={institutionId}
          onChange={(e) => setInstitutionId(e.target.value)}
          aria-describedby="cp-institution-err"
          aria-invalid={!!errors.fields.institutionId}
        >
          <option value="">—</option>
          {options.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
        <FieldError id="cp-institution-err" text={errors.fields.institutionId ?? missing(institutionId)} />
        <label htmlFor="cp-category">{t('supervision.pub.complain.category')}</label>
        <select
          id="cp-category"
          value={category}
          onChange={(e) => setCategory(e.target.value as ComplaintCategory)}
          aria-describedby="cp-category-err"
          aria-invalid={!!errors.fields.category}
        >
          <option value="">—</option>
          {COMPLAINT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`supervision.complaintCategory.${c}`)}
            </option>
          ))}
        </select>
        <FieldError id="cp-category-err" text={errors.fields.category ?? missing(category)} />
        <label htmlFor="cp-content">{t('supervision.pub.complain.content')}</label>
        <p className="fp-muted" id="cp-content-help">
          {t('supervision.pub.complain.contentHelp')}
        </p>
        <textarea
          id="cp-content"
          value={content}
          maxLength={1000}
          rows={5}
          onChange={(e) => setContent(e.target.value)}
          aria-describedby="cp-content-help cp-content-err"
          aria-invalid={!!errors.fields.content}
        />
        <FieldError id="cp-content-err" text={errors.fields.content} />
        <label htmlFor="cp-phone">{t('supervision.pub.complain.phone')}</label>
        <input
          id="cp-phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          aria-describedby="cp-phone-err"
          aria-invalid={!!errors.fields.contactPhone}
        />
        <FieldError id="cp-phone-err" text={errors.fields.contactPhone} />
        <button type="submit" className="fp-primary" disabled={submit.isPending}>
          {t('supervision.pub.complain.submit')}
        </button>
      </form>
    </section>
  );
}

function Lookup() {
  const t = useT();
  const [lang] = useLang();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<ComplaintStatus | null>(null);
  const lookup = useMutation({
    mutationFn: () => publicComplaints.lookup(code.trim()),
    onMutate: () => setFound(null),
    onSuccess: setFound,
  });
  const errors = useErrorTexts(lookup.error);
  const notFound =
    lookup.isError && !errors.fields.receiptCode ? t('supervision.pub.complain.notFound') : undefined;
  return (
    <section aria-labelledby="cp-lookup" className="fp-card">
      <h2 id="cp-lookup">{t('supervision.pub.complain.lookupTitle')}</h2>
      <form
        className="fp-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          lookup.mutate();
        }}
      >
        <label htmlFor="cp-code">{t('supervision.pub.complain.code')}</label>
        <input
          id="cp-code"
          value={code}
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={20}
          onChange={(e) => setCode(e.target.value)}
          aria-describedby="cp-code-err"
          aria-invalid={!!errors.fields.receiptCode || !!notFound}
        />
        <FieldError id="cp-code-err" text={errors.fields.receiptCode ?? notFound} />
        <button type="submit" className="fp-primary" disabled={lookup.isPending}>
          {t('supervision.pub.complain.lookup')}
        </button>
      </form>
      {found ? (
        <dl className="pub-dl" data-testid="complaint-status">
          <dt>{t('supervision.complaints.institution')}</dt>
          <dd>{found.institutionName}</dd>
          <dt>{t('supervision.complaints.category')}</dt>
          <dd>{t(`supervision.complaintCategory.${found.category}`)}</dd>
          <dt>{t('supervision.complaints.status')}</dt>
          <dd>
            <strong>{t(`supervision.complaints.statuses.${found.status}`)}</strong>
          </dd>
          <dt>{t('supervision.pub.complain.submittedAt')}</dt>
          <dd>{when(found.submittedAt, lang)}</dd>
          <dt>{t('supervision.pub.complain.acceptedAt')}</dt>
          <dd>{when(found.acceptedAt, lang)}</dd>
          <dt>{t('supervision.pub.complain.closedAt')}</dt>
          <dd>{when(found.closedAt, lang)}</dd>
          {found.reply ? (
            <>
              <dt>{t('supervision.pub.complain.reply')}</dt>
              <dd>{found.reply}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}
