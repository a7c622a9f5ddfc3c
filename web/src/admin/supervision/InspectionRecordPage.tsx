/**
 * /admin/supervision/inspections/:id — the inspection record on a phone-width page: per checklist item
 * pass or finding (+ note, + photos taken on the phone: 拍照/上传照片, stored at once with EXIF/GPS
 * removed), save, then each assigned signer signs as themself.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { useCurrentMe } from '../session.ts';
import { evidence, type InspectionDetail, type ItemResult, inspections } from './api.ts';
import { EvidenceFiles } from './EvidenceFiles.tsx';

const SEVERITY_COLOR = { minor: 'default', major: 'orange', serious: 'red' } as const;

export default function InspectionRecordPage() {
  const { id = '' } = useParams();
  const t = useT();
  const [lang] = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const me = useCurrentMe();
  const q = useQuery({
    queryKey: keys.supervision.inspection(id),
    queryFn: ({ signal }) => inspections.get(id, signal),
  });
  // Photos have their own query: an upload must not refetch the detail (that would reset unsaved results).
  const photosKey = ['supervision', 'inspection-photos', id];
  const photoList = useQuery({
    queryKey: photosKey,
    queryFn: ({ signal }) => evidence.photos(id, signal),
  });
  const [results, setResults] = useState<Record<string, ItemResult>>({});
  const d = q.data;
  useEffect(() => {
    if (d) setResults(Object.fromEntries(d.results.map((r) => [r.itemCode, r])));
  }, [d]);
  const done = (next: InspectionDetail) => {
    qc.setQueryData(keys.supervision.inspection(id), next);
    void qc.invalidateQueries({ queryKey: ['supervision', 'inspections'] });
    void qc.invalidateQueries({ queryKey: ['supervision', 'rectifications'] });
  };
  const save = useMutation({
    mutationFn: () => inspections.save(id, d!.version, Object.values(results)),
    onSuccess: (next) => {
      message.success(t('supervision.insp.saved'));
      done(next);
    },
    onError: (e) => showError(e),
  });
  const sign = useMutation({
    mutationFn: () => inspections.sign(id, d!.version),
    onSuccess: (next) => {
      message.success(
        next.status === 'signed' ? t('supervision.insp.signedAll') : t('supervision.insp.signedMine'),
      );
      done(next);
    },
    onError: (e) => showError(e),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: photosKey });
  const addPhoto = useMutation({
    mutationFn: (v: { itemCode: string; file: File }) => evidence.uploadPhoto(id, v.itemCode, v.file),
    onSuccess: () => {
      message.success(t('supervision.evidence.photoUploaded'));
      void refresh();
    },
    onError: (e) => showError(e),
  });
  const removePhoto = useMutation({
    mutationFn: (fileId: string) => evidence.deletePhoto(id, fileId),
    onSuccess: () => {
      message.success(t('supervision.evidence.deleted'));
      void refresh();
    },
    onError: (e) => showError(e),
  });
  if (!d) return q.isError ? <Alert type="error" message={t('supervision.insp.notFound')} /> : null;
  const editable = d.permittedActions.includes('record');
  const items = d.checklists.flatMap((c) => c.items);
  const answered = items.filter((i) => results[i.code]).length;
  const dirty = JSON.stringify(Object.values(results)) !== JSON.stringify(d.results);
  const set = (code: string, patch: Partial<ItemResult>) =>
    setResults((r) => ({ ...r, [code]: { ...(r[code] ?? { itemCode: code, outcome: 'pass' }), ...patch } }));
  const allPass = () =>
    setResults((r) =>
      Object.fromEntries(
        items.map((i) => [i.code, r[i.code] ?? { itemCode: i.code, outcome: 'pass' as const }]),
      ),
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 560 }}>
      <div>
        <h1 style={{ fontSize: 20, margin: 0 }}>{d.institutionName}</h1>
        <Space wrap size={4}>
          <span>{d.month}</span>
          <Tag>{t(`supervision.insp.kind.${d.kind}`)}</Tag>
          <Tag color={d.status === 'signed' ? 'green' : 'blue'}>
            {t(`supervision.insp.status.${d.status}`)}
          </Tag>
          {d.score !== null ? <span>{t('supervision.insp.score', { n: d.score })}</span> : null}
        </Space>
        <div>{t('supervision.insp.signers', { names: d.inspectorNames.join('、') })}</div>
        <div>
          {t('supervision.insp.signoffs', {
            names: d.signoffs.length ? d.signoffs.map((s) => s.name).join('、') : t('supervision.insp.none'),
          })}
        </div>
      </div>
      {editable ? (
        <Space wrap>
          <Typography.Text>
            {t('supervision.insp.progress', { done: answered, total: items.length })}
          </Typography.Text>
          <Button size="small" onClick={allPass}>
            {t('supervision.insp.restPass')}
          </Button>
        </Space>
      ) : null}
      {d.checklists.map((c) => (
        <Card key={c.id} size="small" title={`${t(`supervision.category.${c.category}`)} · v${c.version}`}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {c.items.map((it) => {
              const r = results[it.code];
              const photos = (photoList.data?.items ?? d.photos).filter((p) => p.itemCode === it.code);
              const shownPhotos = (
                <EvidenceFiles
                  files={photos}
                  urlOf={(fileId) => evidence.photoUrl(id, fileId)}
                  me={me.id}
                  onDelete={editable ? (fileId) => removePhoto.mutate(fileId) : undefined}
                  testId={`sv-photos-${it.code}`}
                />
              );
              return (
                <div
                  key={it.code}
                  data-testid={`sv-item-${it.code}`}
                  style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}
                >
                  <div>
                    <Tag color={SEVERITY_COLOR[it.severity]}>{t(`supervision.severity.${it.severity}`)}</Tag>
                    {pick(lang, it.zh, it.en)}
                  </div>
                  {editable ? (
                    <>
                      <Radio.Group
                        value={r?.outcome}
                        onChange={(e) => set(it.code, { outcome: e.target.value })}
                        optionType="button"
                        buttonStyle="solid"
                        options={[
                          { value: 'pass', label: t('supervision.outcome.pass') },
                          { value: 'finding', label: t('supervision.outcome.finding') },
                        ]}
                      />
                      {r?.outcome === 'finding' ? (
                        <Input.TextArea
                          aria-label={t('supervision.insp.note')}
                          placeholder={t('supervision.insp.note')}
                          value={r.note ?? ''}
                          onChange={(e) => set(it.code, { note: e.target.value })}
                          autoSize={{ minRows: 2 }}
                          style={{ marginTop: 6 }}
                          maxLength={500}
                        />
                      ) : null}
                      {r?.outcome === 'finding' ? (
                        <div style={{ marginTop: 6 }}>
                          <span>
                            <input
                              type="file"
                              accept="image/*"
                              capture="environment"
                              data-testid={`sv-photo-input-${it.code}`}
                              style={{ display: 'none' }}
                              disabled={addPhoto.isPending}
                              onChange={(e) => {
                                const f = e.target.files?.[0];
                                if (f) addPhoto.mutate({ itemCode: it.code, file: f });
                                e.target.value = '';
                              }}
                            />
                            <Button
                              size="small"
                              loading={addPhoto.isPending && addPhoto.variables?.itemCode === it.code}
                              onClick={(e) =>
                                (e.currentTarget.previousElementSibling as HTMLInputElement | null)?.click()
                              }
                            >
                              {t('supervision.evidence.takePhoto')}
                            </Button>
                          </span>
                        </div>
                      ) : null}
                      {shownPhotos}
                    </>
                  ) : (
                    <div style={{ marginTop: 4 }}>
                      {r ? (
                        <Tag color={r.outcome === 'pass' ? 'green' : 'red'}>
                          {t(`supervision.outcome.${r.outcome}`)}
                        </Tag>
                      ) : (
                        <Tag>{t('supervision.outcome.none')}</Tag>
                      )}
                      {r?.note ? <span>{r.note}</span> : null}
                      {shownPhotos}
                    </div>
                  )}
                </div>
              );
            })}
          </Space>
        </Card>
      ))}
      {editable ? (
        <Space style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '8px 0', width: '100%' }}>
          <Button
            type="primary"
            loading={save.isPending}
            disabled={!dirty}
            onClick={() => save.mutate()}
            data-testid="sv-save"
          >
            {t('supervision.insp.save')}
          </Button>
          <Button
            loading={sign.isPending}
            disabled={dirty || !d.permittedActions.includes('sign')}
            onClick={() => sign.mutate()}
            data-testid="sv-sign"
          >
            {t('supervision.insp.sign')}
          </Button>
        </Space>
      ) : null}
    </Space>
  );
}
