/**
 * The console's workforce forms (modals): add a staff member and hire her at the admin's institution,
 * add a certificate, assign classes, end an employment, add and lift a ban entry. Labels, not
 * placeholders; the ID number is checked as it is typed with the server's own rule
 * (`validateIdentity`); the server's field errors land on the fields in zh/en (`useShowError`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { Alert, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import {
  BAN_REASON_CATEGORIES,
  BAN_REASON_CATEGORY_LABELS,
  type BanReasonCategory,
  CERTIFICATE_LABELS,
  CERTIFICATE_TYPES,
  EDUCATION_LABELS,
  EDUCATIONS,
  GRADE_LABELS,
  GRADES,
  ID_TYPE_LABELS,
  ID_TYPES,
  type IdType,
  POST_LABELS,
  POSTS,
  RECORD_KIND_LABELS,
  RECORD_KINDS,
  type RecordCheckKind,
  type RecordCheckResult,
  type RecordKind,
  SKILL_ASSESSMENT_LABELS,
  SKILL_ASSESSMENTS,
} from '../../../../domain/contracts/workforce.ts';
import { validateIdentity } from '../../../../domain/workforce/rules.ts';
import { api } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { ApiError } from '../../api/problem.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import { type CreateRecordBody, type StaffDetail, workforceApi } from './api.ts';
import { CheckFields } from './RecordChecks.tsx';
import { RegistrationFields } from './RegistrationCard.tsx';

/**
 * A dialog's save: on success the workforce queries refresh, the form clears and the dialog closes; on
 * failure the server's field errors go onto the form.
 */
export function useSaveAndClose<V, R>(
  form: FormInstance,
  save: (values: V) => Promise<R>,
  onClose: () => void,
) {
  const qc = useQueryClient();
  const showError = useShowError();
  return useMutation({
    mutationFn: save,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.workforce.all });
      form.resetFields();
      onClose();
    },
    onError: (e) => showError(e, form),
  });
}

const today = () => new Date().toISOString().slice(0, 10);
type L = 'zh' | 'en';
const opts = <K extends string>(xs: readonly K[], labels: Record<K, { zh: string; en: string }>, l: L) =>
  xs.map((x) => ({ value: x, label: labels[x][l] }));

function useL(): L {
  const [lang] = useLang();
  return lang === 'zh-CN' ? 'zh' : 'en';
}

/** The server's screening answer for a banned person: a 409 with the ban code. */
const isBanBlock = (e: unknown): e is ApiError =>
  e instanceof ApiError &&
  (e.problem.code === 'workforce.banned' || e.problem.code === 'workforce.record_check_found');

/**
 * The check groups the user filled in (any of result, date, reference): only those are sent, so a
 * registered person's checks on record are used for an empty group. `i` is the group's form index.
 */
function filledChecks(checks: CheckValues[] | undefined) {
  return (checks ?? [])
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => Boolean(c?.result || c?.checkedOn || c?.referenceNumber));
}

/** The server names `employment.checks.<sent index>.*`: put its errors on the form's own group. */
function toFormIndexes(e: ApiError, sent: { i: number }[]): ApiError {
  const errors = e.problem.errors?.map((x) => ({
    ...x,
    field: x.field.replace(
      /^employment\.checks\.(\d+)\./,
      (_m, k: string) => `employment.checks.${sent[Number(k)]?.i ?? k}.`,
    ),
  }));
  return new ApiError({ ...e.problem, ...(errors ? { errors } : {}) });
}

type CheckValues = {
  kind: RecordCheckKind;
  result: RecordCheckResult;
  checkedOn?: string;
  referenceNumber?: string;
};

export function AddStaffModal(props: {
  institutionId: string;
  open: boolean;
  onClose: (id?: string) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const l = useL();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const showError = useShowError();
  const [blocked, setBlocked] = useState<{ title: string; text: string } | null>(null);
  const [checkErrors, setCheckErrors] = useState<string[]>([]);
  const idType = Form.useWatch('idType', form) as IdType | undefined;
  const m = useMutation({
    mutationFn: (v: Record<string, string | undefined> & { employment?: { checks?: CheckValues[] } }) =>
      workforceApi.create({
        name: v.name ?? '',
        idType: (v.idType ?? 'citizen_id') as IdType,
        idNumber: v.idNumber ?? '',
        ...(v.idType !== 'citizen_id' && v.birthDate ? { birthDate: v.birthDate } : {}),
        ...(v.idType !== 'citizen_id' && v.sex ? { sex: v.sex as 'male' | 'female' } : {}),
        mobile: v.mobile ?? '',
        education: v.education as (typeof EDUCATIONS)[number],
        ...(v.registrationNumber?.trim() ? { registrationNumber: v.registrationNumber.trim() } : {}),
        ...(v.registrationDate ? { registrationDate: v.registrationDate } : {}),
        ...(v.registrationIssuer?.trim() ? { registrationIssuer: v.registrationIssuer.trim() } : {}),
        employment: {
          institutionId: props.institutionId,
          post: v.post as (typeof POSTS)[number],
          startDate: v.startDate ?? today(),
          labourContract: true,
          socialInsurance: true,
          checks: filledChecks(v.employment?.checks).map(({ c }) => ({
            kind: c.kind,
            result: c.result,
            checkedOn: c.checkedOn ?? '',
            referenceNumber: c.referenceNumber ?? '',
          })),
        },
      }),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: keys.workforce.all });
      void qc.invalidateQueries({ queryKey: keys.dashboard });
      form.resetFields();
      setBlocked(null);
      setCheckErrors([]);
      props.onClose(d.id);
    },
    onError: (e) => {
      setCheckErrors([]);
      if (isBanBlock(e))
        setBlocked({
          title: t(
            e.problem.code === 'workforce.banned'
              ? 'workforce.form.banBlocked'
              : 'workforce.form.checkBlocked',
          ),
          text: pick(lang, e.problem.detail_zh, e.problem.detail_en),
        });
      else {
        // The rule's errors name the checks as a whole (`employment.checks`): shown above the fields.
        const whole =
          e instanceof ApiError
            ? (e.problem.errors ?? []).filter((x) => x.field === 'employment.checks')
            : [];
        setCheckErrors(whole.map((x) => pick(lang, x.message_zh, x.message_en)));
        if (whole.length && whole.length === (e as ApiError).problem.errors?.length) return;
        showError(
          e instanceof ApiError
            ? toFormIndexes(e, filledChecks(form.getFieldValue(['employment', 'checks'])))
            : e,
          form,
        );
      }
    },
  });
  const idRule = {
    validator: async (_: unknown, value: string) => {
      if (!value) return;
      const v = form.getFieldsValue() as Record<string, string | undefined>;
      const r = validateIdentity(
        {
          idType: (v.idType ?? 'citizen_id') as IdType,
          idNumber: value,
          birthDate: v.birthDate,
          sex: v.sex as 'male' | 'female' | undefined,
        },
        today(),
        v.startDate || today(),
      );
      const e = r.errors.find((x) => x.field === 'idNumber');
      if (e) throw new Error(pick(lang, e.message_zh, e.message_en));
    },
  };
  const required = { required: true, message: t('workforce.form.required') };
  return (
    <Modal
      open={props.open}
      title={t('workforce.form.addStaff')}
      okText={t('workforce.form.save')}
      cancelText={t('workforce.form.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        setBlocked(null);
        setCheckErrors([]);
        props.onClose();
      }}
      destroyOnHidden
    >
      {blocked && (
        <Alert
          type="error"
          showIcon
          message={blocked.title}
          description={blocked.text}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ idType: 'citizen_id', startDate: today() }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item name="name" label={t('workforce.name')} rules={[required, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="idType" label={t('workforce.form.idType')} rules={[required]}>
          <Select options={opts(ID_TYPES, ID_TYPE_LABELS, l)} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('workforce.idNumber')}
          rules={[required, idRule]}
          dependencies={['idType', 'startDate', 'birthDate']}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        {idType && idType !== 'citizen_id' && (
          <>
            <Form.Item name="birthDate" label={t('workforce.birthDate')} rules={[required]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="sex" label={t('workforce.form.sex')} rules={[required]}>
              <Select
                options={[
                  { value: 'female', label: t('workforce.form.female') },
                  { value: 'male', label: t('workforce.form.male') },
                ]}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="mobile" label={t('workforce.mobile')} rules={[required, { max: 20 }]}>
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item name="education" label={t('workforce.form.education')} rules={[required]}>
          <Select options={opts(EDUCATIONS, EDUCATION_LABELS, l)} />
        </Form.Item>
        <Form.Item name={['post']} label={t('workforce.post')} rules={[required]}>
          <Select options={opts(POSTS, POST_LABELS, l)} />
        </Form.Item>
        <Form.Item name="startDate" label={t('workforce.start')} rules={[required]}>
          <Input type="date" />
        </Form.Item>
        {checkErrors.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            message={checkErrors.map((x) => <div key={x}>{x}</div>)}
          />
        )}
        <CheckFields />
        <details>
          <summary style={{ cursor: 'pointer', marginBottom: 8 }}>{t('workforce.reg.optional')}</summary>
          <Alert type="info" showIcon message={t('workforce.reg.draftNote')} style={{ marginBottom: 12 }} />
          <RegistrationFields />
        </details>
      </Form>
    </Modal>
  );
}

export function CertificateModal(props: { staffId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const l = useL();
  const [form] = Form.useForm();
  const m = useSaveAndClose(
    form,
    (v: Record<string, string | undefined>) =>
      workforceApi.addCertificate(props.staffId, {
        type: v.type as (typeof CERTIFICATE_TYPES)[number],
        number: v.number ?? '',
        issuer: v.issuer ?? '',
        issuedOn: v.issuedOn ?? '',
        ...(v.expiresOn ? { expiresOn: v.expiresOn } : {}),
      }),
    props.onClose,
  );
  const required = { required: true, message: t('workforce.form.required') };
  return (
    <Modal
      open={props.open}
      title={t('workforce.form.addCertificate')}
      okText={t('workforce.form.save')}
      cancelText={t('workforce.form.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
        <Form.Item name="type" label={t('workforce.certType')} rules={[required]}>
          <Select options={opts(CERTIFICATE_TYPES, CERTIFICATE_LABELS, l)} />
        </Form.Item>
        <Form.Item name="number" label={t('workforce.certNumber')} rules={[required, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="issuer" label={t('workforce.issuer')} rules={[required, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('workforce.issuedOn')} rules={[required]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label={t('workforce.expiresOn')}
          dependencies={['issuedOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, v: string | undefined) => {
                const issued = getFieldValue('issuedOn') as string | undefined;
                if (v && issued && v < issued) throw new Error(t('workforce.form.expiryBeforeIssue'));
              },
            }),
          ]}
        >
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Employment = StaffDetail['employments'][number];

export function AssignClassesModal(props: {
  staffId: string;
  employment: Employment | null;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const showError = useShowError();
  const e = props.employment;
  const inst = useQuery({
    queryKey: keys.institutions.detail(e?.institutionId ?? ''),
    queryFn: ({ signal }) => api.institutions.get(e!.institutionId, signal),
    enabled: !!e,
  });
  const m = useMutation({
    mutationFn: (v: { classIds?: string[] }) =>
      workforceApi.assignClasses(props.staffId, e!.id, { classIds: v.classIds ?? [], version: e!.version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.workforce.all });
      void qc.invalidateQueries({ queryKey: keys.dashboard });
      props.onClose();
    },
    onError: (err) => showError(err, form),
  });
  return (
    <Modal
      open={!!e}
      title={t('workforce.form.assignClasses')}
      okText={t('workforce.form.save')}
      cancelText={t('workforce.form.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ classIds: e?.classes.map((c) => c.id) ?? [] }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item name="classIds" label={t('workforce.classes')}>
          <Select
            mode="multiple"
            loading={inst.isLoading}
            options={(inst.data?.classes ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EndEmploymentModal(props: {
  staffId: string;
  employment: Employment | null;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const showError = useShowError();
  const e = props.employment;
  const m = useMutation({
    mutationFn: (v: { endDate: string }) =>
      workforceApi.endEmployment(props.staffId, e!.id, { endDate: v.endDate, version: e!.version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.workforce.all });
      void qc.invalidateQueries({ queryKey: keys.dashboard });
      props.onClose();
    },
    onError: (err) => showError(err, form),
  });
  return (
    <Modal
      open={!!e}
      title={t('workforce.form.endEmployment')}
      okText={t('workforce.form.save')}
      cancelText={t('workforce.form.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ endDate: today() }} onFinish={(v) => m.mutate(v)}>
        <Form.Item
          name="endDate"
          label={t('workforce.end')}
          rules={[{ required: true, message: t('workforce.form.required') }]}
        >
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The document check of the ban form: the server's rule, for the document type chosen (citizen ID, passport, work permit). */
function banIdRule(lang: Parameters<typeof pick>[0], idTypePath: (string | number)[]) {
  return ({ getFieldValue }: { getFieldValue: (p: (string | number)[]) => unknown }) => ({
    validator: async (_: unknown, value: string) => {
      if (!value) return;
      const idType = (getFieldValue(idTypePath) ?? 'citizen_id') as IdType;
      const e = validateIdentity(
        { idType, idNumber: value, birthDate: '1900-01-01', sex: 'male' },
        today(),
        undefined,
      ).errors.find((x) => x.field === 'idNumber');
      if (e) throw new Error(pick(lang, e.message_zh, e.message_en));
    },
  });
}

export function AddBanModal(props: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const l = useL();
  const [form] = Form.useForm();
  const m = useSaveAndClose(
    form,
    (v: {
      name: string;
      idType?: IdType;
      idNumber: string;
      reason: string;
      reasonCategory?: BanReasonCategory;
      decisionRef: string;
      decisionDate: string;
      managers?: { name: string; idType?: IdType; idNumber: string }[];
    }) =>
      workforceApi.addBan({
        person: { name: v.name, idType: v.idType ?? 'citizen_id', idNumber: v.idNumber },
        reason: v.reason,
        reasonCategory: v.reasonCategory ?? 'abuse',
        decisionRef: v.decisionRef,
        decisionDate: v.decisionDate,
        managers: (v.managers ?? []).map((x) => ({
          name: x.name,
          idType: x.idType ?? 'citizen_id',
          idNumber: x.idNumber,
        })),
      }),
    props.onClose,
  );
  const required = { required: true, message: t('workforce.form.required') };
  const idTypes = opts(ID_TYPES, ID_TYPE_LABELS, l);
  return (
    <Modal
      open={props.open}
      title={t('workforce.form.addBan')}
      okText={t('workforce.form.save')}
      cancelText={t('workforce.form.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      width={720}
    >
      <Alert type="warning" showIcon message={t('workforce.form.banNote')} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ idType: 'citizen_id', reasonCategory: 'abuse' }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item name="name" label={t('workforce.name')} rules={[required, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="idType" label={t('workforce.form.idType')} rules={[required]} style={{ flex: 1 }}>
            <Select
              options={idTypes}
              onChange={() => void form.validateFields(['idNumber']).catch(() => {})}
            />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('workforce.idNumber')}
            rules={[required, banIdRule(lang, ['idType'])]}
            style={{ flex: 2 }}
          >
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
        </div>
        <Form.Item
          name="decisionRef"
          label={t('workforce.form.decisionRef')}
          rules={[required, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="decisionDate" label={t('workforce.form.decisionDate')} rules={[required]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="reasonCategory" label={t('workforce.reasonCategory')} rules={[required]}>
          <Select options={opts(BAN_REASON_CATEGORIES, BAN_REASON_CATEGORY_LABELS, l)} />
        </Form.Item>
        <Form.Item name="reason" label={t('workforce.reason')} rules={[required, { max: 500 }]}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Form.List name="managers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item
                    name={[f.name, 'name']}
                    label={t('workforce.form.managerName', { n: i + 1 })}
                    rules={[required]}
                    style={{ flex: 1 }}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'idType']}
                    label={t('workforce.form.idType')}
                    initialValue="citizen_id"
                    rules={[required]}
                    style={{ flex: 1 }}
                  >
                    <Select options={idTypes} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'idNumber']}
                    label={t('workforce.form.managerId', { n: i + 1 })}
                    rules={[required, banIdRule(lang, ['managers', f.name, 'idType'])]}
                    style={{ flex: 2 }}
                  >
                    <Input maxLength={40} autoComplete="off" />
                  </Form.Item>
                  <Button type="link" style={{ marginTop: 30 }} onClick={() => remove(f.name)}>
                    {t('workforce.form.remove')}
                  </Button>
                </div>
              ))}
              {fields.length < 10 && (
                <Button type="dashed" onClick={() => add()}>
                  + {t('workforce.form.addManager')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export function LiftBanModal(props: { banId: string | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const showError = useShowError();
  const m = useMutation({
    mutationFn: (v: { reason: string }) => workforceApi.liftBan(props.banId!, { reason: v.reason }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.workforce.all });
      props.onClose();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open={!!props.banId}
      title={t('workforce.form.liftBan')}
      okText={t('workforce.form.save')}
      cancelText={t('workforce.form.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('workforce.form.liftReason')}
          rules={[{ required: true, message: t('workforce.form.required') }, { max: 500 }]}
        >
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Record that this person attended a training event (hours default to the event's; > 0 and ≤ 24 a day). */
export function AttendanceModal(props: { staffId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const events = useQuery({
    queryKey: [...keys.workforce.all, 'trainings', 'pick'],
    queryFn: ({ signal }) => workforceApi.trainings({ pageSize: 100 }, signal),
    enabled: props.open,
  });
  const m = useSaveAndClose(
    form,
    (v: { eventId: string; hours?: number | null }) =>
      workforceApi.addAttendance(v.eventId, {
        staffIds: [props.staffId],
        ...(v.hours != null ? { hours: v.hours } : {}),
      }),
    props.onClose,
  );
  return (
    <Modal
      open={props.open}
      title={t('workforce.form.recordTraining')}
      okText={t('workforce.form.save')}
      cancelText={t('workforce.form.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
        <Form.Item
          name="eventId"
          label={t('workforce.trainingTitle')}
          rules={[{ required: true, message: t('workforce.form.required') }]}
        >
          <Select
            loading={events.isLoading}
            showSearch
            optionFilterProp="label"
            options={(events.data?.items ?? []).map((e) => ({
              value: e.id,
              label: `${e.startDate} ${e.title}（${e.hours}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('workforce.form.attendedHours')}
          extra={t('workforce.form.hoursDefault')}
        >
          <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Add an assessment during work, a skill assessment, a reward or a penalty to a person. */
export function RecordModal(props: { staffId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const l = useL();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const showError = useShowError();
  const kind = Form.useWatch('kind', form) as RecordKind | undefined;
  const m = useMutation({
    mutationFn: (v: CreateRecordBody) => workforceApi.addRecord(props.staffId, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [...keys.workforce.all, 'records', props.staffId] });
      form.resetFields();
      props.onClose();
    },
    onError: (e) => showError(e, form),
  });
  const required = { required: true, message: t('workforce.form.required') };
  const assessment = kind === 'process_assessment' || kind === 'skill_assessment';
  return (
    <Modal
      open={props.open}
      title={t('workforce.form.addRecord')}
      okText={t('workforce.form.save')}
      cancelText={t('workforce.form.cancel')}
      confirmLoading={m.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'process_assessment', date: today() }}
        onFinish={(v) =>
          m.mutate({
            kind: v.kind,
            date: v.date,
            description: v.description,
            ...(v.kind === 'skill_assessment' && v.skill ? { skill: v.skill } : {}),
            ...((v.kind === 'process_assessment' || v.kind === 'skill_assessment') && v.grade
              ? { grade: v.grade }
              : {}),
            ...(v.decisionRef ? { decisionRef: v.decisionRef } : {}),
          })
        }
      >
        <Form.Item name="kind" label={t('workforce.recordKind')} rules={[required]}>
          <Select options={opts(RECORD_KINDS, RECORD_KIND_LABELS, l)} />
        </Form.Item>
        <Form.Item name="date" label={t('workforce.date')} rules={[required]}>
          <Input type="date" />
        </Form.Item>
        {kind === 'skill_assessment' && (
          <Form.Item name="skill" label={t('workforce.skill')} rules={[required]}>
            <Select options={opts(SKILL_ASSESSMENTS, SKILL_ASSESSMENT_LABELS, l)} />
          </Form.Item>
        )}
        {assessment && (
          <Form.Item name="grade" label={t('workforce.grade')} rules={[required]}>
            <Select options={opts(GRADES, GRADE_LABELS, l)} />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('workforce.description')} rules={[required, { max: 500 }]}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Form.Item
          name="decisionRef"
          label={t('workforce.form.decisionRef')}
          rules={assessment ? [{ max: 100 }] : [required, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
