/** Create, edit and reset-password dialogs of user management (system_admin). */
import { Alert, Form, type FormInstance, Input, Modal, Switch } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { createUserBody, resetPasswordBody, updateUserBody } from '../../../../domain/contracts/auth.ts';
import { checkPasswordPolicy } from '../../../../domain/rules/password.ts';
import { api, type CreateUserBody, type User } from '../../api/client.ts';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useT } from '../../i18n/index.tsx';
import { ConfirmPasswordItem } from '../ConfirmPasswordItem.tsx';
import { useUserMutation } from './shared.ts';

/** A modal holding one form; OK submits it. */
export function FormDialog<T>(props: {
  open: boolean;
  title: string;
  form: FormInstance<T>;
  loading: boolean;
  onFinish: (values: T) => void;
  onClose: () => void;
  initialValues?: Partial<T>;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      confirmLoading={props.loading}
      afterClose={() => props.form.resetFields()}
      forceRender
    >
      <Form
        form={props.form}
        layout="vertical"
        requiredMark={false}
        initialValues={props.initialValues}
        onFinish={props.onFinish}
      >
        {props.children}
      </Form>
    </Modal>
  );
}

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<CreateUserBody>();
  const save = useUserMutation((body: CreateUserBody) => api.users.create(body), form, onClose);
  const rules = useRulesFrom(createUserBody);
  const username = Form.useWatch('username', form) ?? '';
  return (
    <FormDialog
      open={open}
      title={t('users.createTitle')}
      form={form}
      loading={save.isPending}
      onClose={onClose}
      onFinish={(v) => save.mutate({ ...v, username: v.username.trim() })}
    >
      <Form.Item name="username" label={t('users.username')} rules={rules('username', t('users.username'))}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={rules('displayName', t('users.displayName'))}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.initialPassword')}
        dependencies={['username']}
        rules={rules('password', t('users.initialPassword'), (v) =>
          checkPasswordPolicy(String(v), username.trim()),
        )}
        extra={t('users.resetHint')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Alert type="info" title={t('users.createHint')} />
    </FormDialog>
  );
}

interface EditValues {
  displayName: string;
  disabled: boolean;
}

export function EditUserDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<EditValues>();
  const rules = useRulesFrom(updateUserBody);
  const save = useUserMutation(
    (v: EditValues & { id: string; version: number }) =>
      api.users.update(v.id, { version: v.version, displayName: v.displayName, disabled: v.disabled }),
    form,
    onClose,
  );
  useEffect(() => {
    if (user) form.setFieldsValue({ displayName: user.displayName, disabled: user.disabled });
  }, [user, form]);
  return (
    <FormDialog
      open={!!user}
      title={t('users.editTitle', { name: user?.username ?? '' })}
      form={form}
      loading={save.isPending}
      onClose={onClose}
      onFinish={(v) => user && save.mutate({ ...v, id: user.id, version: user.version })}
    >
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[
          { required: true, message: t('common.required') },
          ...rules('displayName', t('users.displayName')),
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="disabled" label={t('users.disabledSwitch')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormDialog>
  );
}

interface ResetValues {
  newPassword: string;
  confirm: string;
}

export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<ResetValues>();
  const rules = useRulesFrom(resetPasswordBody);
  const save = useUserMutation(
    (v: { id: string; version: number; newPassword: string }) =>
      api.users.resetPassword(v.id, { version: v.version, newPassword: v.newPassword }),
    form,
    onClose,
  );
  return (
    <FormDialog
      open={!!user}
      title={t('users.resetTitle', { name: user?.username ?? '' })}
      form={form}
      loading={save.isPending}
      onClose={onClose}
      onFinish={(v) =>
        user && save.mutate({ id: user.id, version: user.version, newPassword: v.newPassword })
      }
    >
      <Form.Item
        name="newPassword"
        label={t('users.newPassword')}
        rules={rules('newPassword', t('users.newPassword'), (v) =>
          checkPasswordPolicy(String(v), user?.username ?? ''),
        )}
        extra={t('users.resetHint')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <ConfirmPasswordItem />
    </FormDialog>
  );
}
