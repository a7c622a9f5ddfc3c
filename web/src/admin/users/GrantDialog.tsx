/** Grant one role with one scope (security_admin). The scope kind follows ROLE_SCOPE_KIND. */
import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { ROLE_SCOPE_KIND, ROLES, type Role } from '../../../../domain/contracts/auth.ts';
import { api, type User } from '../../api/client.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { useMe } from '../session.ts';
import { useDivisions, useUserMutation } from './shared.ts';
import { FormDialog } from './UserDialogs.tsx';

interface GrantValues {
  role: Role;
  scope: { divisionCode?: string; institutionId?: string; familyId?: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toBody(v: GrantValues) {
  const kind = ROLE_SCOPE_KIND[v.role];
  const scope =
    kind === 'division'
      ? { kind, divisionCode: v.scope.divisionCode ?? '' }
      : kind === 'institution'
        ? { kind, institutionId: (v.scope.institutionId ?? '').trim() }
        : { kind, familyId: (v.scope.familyId ?? '').trim() };
  return { role: v.role, scope };
}

export function GrantDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const [form] = Form.useForm<GrantValues>();
  const role = Form.useWatch('role', form);
  const kind = role ? ROLE_SCOPE_KIND[role] : undefined;
  const divisions = useDivisions();
  const save = useUserMutation(
    (v: GrantValues & { id: string; version: number }) =>
      api.users.grant(v.id, { version: v.version, ...toBody(v) }),
    form,
    onClose,
  );

  useEffect(() => {
    if (!user) return;
    const s = user.scope;
    form.setFieldsValue({
      role: user.role ?? undefined,
      scope: {
        divisionCode: s?.kind === 'division' ? s.divisionCode : undefined,
        institutionId: s?.kind === 'institution' ? s.institutionId : undefined,
        familyId: s?.kind === 'family' ? s.familyId : undefined,
      },
    });
  }, [user, form]);

  const required = { required: true, message: t('common.required') };
  const uuidRule = { pattern: UUID, message: t('users.uuidHint') };
  const me = useMe().data;
  // The reference list holds every district's divisions (a second demo district too); a scope is
  // granted in the grantor's own district only (the server refuses any other).
  const divisionOptions = (divisions.data ?? [])
    .filter(
      (d) => (d.level === 'district' || d.level === 'town') && (!me || d.code.startsWith(me.districtCode)),
    )
    .map((d) => ({
      value: d.code,
      label: lang === 'zh-CN' ? `${d.nameZh}（${d.code}）` : `${d.nameEn} (${d.code})`,
    }));

  return (
    <FormDialog
      open={!!user}
      title={t('users.grantTitle', { name: user?.username ?? '' })}
      form={form}
      loading={save.isPending}
      onClose={onClose}
      onFinish={(v) => user && save.mutate({ ...v, id: user.id, version: user.version })}
    >
      <Form.Item name="role" label={t('users.grantRole')} rules={[required]}>
        <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      {kind === 'division' && (
        <Form.Item name={['scope', 'divisionCode']} label={t('users.grantDivision')} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={divisions.isPending}
            options={divisionOptions}
          />
        </Form.Item>
      )}
      {kind === 'institution' && (
        <Form.Item
          name={['scope', 'institutionId']}
          label={t('users.grantInstitution')}
          rules={[required, uuidRule]}
        >
          <Input autoComplete="off" placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" />
        </Form.Item>
      )}
      {kind === 'family' && (
        <Form.Item name={['scope', 'familyId']} label={t('users.grantFamily')} rules={[required, uuidRule]}>
          <Input autoComplete="off" placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" />
        </Form.Item>
      )}
    </FormDialog>
  );
}
