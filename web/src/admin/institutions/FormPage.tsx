/**
 * /admin/institutions/new and /admin/institutions/:id/edit — the profile and the classes in one form.
 * Live feedback comes from the domain rules (formModel.ts); the server's field errors land on the same
 * fields; a stale version says so and reloads the form with the current data.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, ConfigProvider, Flex, Form, Skeleton, Space } from 'antd';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { api, type InstitutionDetail } from '../../api/client.ts';
import { problemText } from '../../api/errors.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { useCurrentMe } from '../session.ts';
import { ClassesEditor } from './ClassesEditor.tsx';
import {
  changedProfile,
  domainRule,
  type FormValues,
  NEW_VALUES,
  toClassesBody,
  toFormValues,
  toProfileBody,
} from './formModel.ts';
import { useInstitutionMutation } from './mutations.ts';
import { ProfileFields } from './ProfileFields.tsx';
import { useInstitution, usePolicy } from './shared.ts';

/** Saves what changed: the profile (PATCH or POST), then the classes (PUT) with the new version. */
async function save(
  values: FormValues,
  latest: { current: InstitutionDetail | undefined },
): Promise<InstitutionDetail> {
  const before = latest.current;
  const profile = toProfileBody(values);
  const classes = toClassesBody(values);
  if (!before) {
    const created = await api.institutions.create(profile);
    if (classes.length === 0) return created;
    return api.institutions.replaceClasses(created.id, { version: created.version, classes });
  }
  let current = before;
  const canEdit = before.permittedActions.includes('edit');
  const patch = changedProfile(toProfileBody(toFormValues(before)), profile, before.version);
  if (canEdit && Object.keys(patch).length > 1) {
    current = await api.institutions.update(before.id, patch);
    // Remember the new version: if the classes fail, the next save patches from here.
    latest.current = current;
  }
  const oldClasses = JSON.stringify(toClassesBody(toFormValues(before)));
  if (before.permittedActions.includes('edit_classes') && JSON.stringify(classes) !== oldClasses)
    current = await api.institutions.replaceClasses(before.id, { version: current.version, classes });
  return current;
}

export default function FormPage() {
  const t = useT();
  const [lang] = useLang();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const location = useLocation();
  const id = useParams().id;
  const existing = useInstitution(id ?? '');
  const inst = id ? existing.data : undefined;
  const policy = usePolicy();
  const [form] = Form.useForm<FormValues>();
  const latest = useRef<InstitutionDetail | undefined>(undefined);

  // Fill the form when the data arrives, and again when a newer version is loaded (stale save).
  useEffect(() => {
    if (!inst || (latest.current && latest.current.version >= inst.version)) return;
    latest.current = inst;
    form.resetFields();
    form.setFieldsValue(toFormValues(inst));
  }, [inst, form]);

  useEffect(() => {
    if (location.hash !== '#classes' || !inst) return;
    // After the form has laid out (the profile above the classes renders in the same pass).
    const timer = window.setTimeout(
      () => document.getElementById('classes')?.scrollIntoView({ block: 'start' }),
      50,
    );
    return () => window.clearTimeout(timer);
  }, [location.hash, inst]);

  const ctx = useMemo(
    () => ({ districtCode: me.districtCode, policy: policy?.values, lang }),
    [me.districtCode, policy, lang],
  );
  const ruleFor = useCallback((field: string) => domainRule(form, field, ctx), [form, ctx]);
  const mutation = useInstitutionMutation((values: FormValues) => save(values, latest), {
    form,
    onDone: (d) => navigate(`/admin/institutions/${d.id}`),
  });

  const title = id ? t('inst.editTitle', { name: inst?.name ?? '' }) : t('inst.createTitle');
  const canEdit = !id || !!inst?.permittedActions.includes('edit');
  const canEditClasses = !id || !!inst?.permittedActions.includes('edit_classes');
  const back = () => navigate(id ? `/admin/institutions/${id}` : '/admin/institutions');

  if (id && !inst) {
    return (
      <Card>
        {existing.error ? (
          <Alert type="error" title={problemText(existing.error, lang, t('common.unknownError'))} />
        ) : (
          <Skeleton active />
        )}
      </Card>
    );
  }

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      requiredMark
      initialValues={id ? undefined : NEW_VALUES}
      onFinish={(v) => mutation.mutate(v)}
      onFinishFailed={({ errorFields }) => {
        if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
      }}
      scrollToFirstError={false}
    >
      <Flex vertical gap={16}>
        <Card>
          <Flex wrap gap={12} justify="space-between" align="center">
            <div>
              <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} style={{ paddingInline: 0 }}>
                {t('inst.back')}
              </Button>
              <h1 style={{ fontSize: 20, margin: '4px 0' }}>{title}</h1>
            </div>
            <Space>
              <Button onClick={back}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={mutation.isPending}>
                {t('common.save')}
              </Button>
            </Space>
          </Flex>
          {id && !canEdit && <Alert style={{ marginTop: 12 }} type="warning" title={t('inst.notEditable')} />}
        </Card>
        <ConfigProvider componentDisabled={!canEdit}>
          <ProfileFields form={form} ruleFor={ruleFor} current={inst} />
        </ConfigProvider>
        <ClassesEditor form={form} policy={policy} ruleFor={ruleFor} disabled={!canEditClasses} />
        <Flex justify="end" gap={8}>
          <Button onClick={back}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
