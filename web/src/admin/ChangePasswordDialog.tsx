/** Change one's own password. Forced (not closable) when me.mustChangePassword. Success ends all sessions. */
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal } from 'antd';
import { changePasswordBody } from '../../../domain/contracts/auth.ts';
import { checkPasswordPolicy } from '../../../domain/rules/password.ts';
import { api, type ChangePasswordBody } from '../api/client.ts';
import { useShowError } from '../api/errors.ts';
import { useRulesFrom } from '../components/rulesFrom.ts';
import { useT } from '../i18n/index.tsx';
import { ConfirmPasswordItem } from './ConfirmPasswordItem.tsx';
import { useEndSession } from './session.ts';

interface Values extends ChangePasswordBody {
  confirm: string;
}

export function ChangePasswordDialog(props: {
  open: boolean;
  forced: boolean;
  username: string;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  const endSession = useEndSession();
  const rules = useRulesFrom(changePasswordBody);
  const change = useMutation({
    mutationFn: (body: ChangePasswordBody) => api.auth.changePassword(body),
    onSuccess: () => endSession('passwordChanged'),
    onError: (err) => showError(err, form),
  });

  return (
    <Modal
      open={props.open}
      title={t('password.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.forced ? undefined : props.onClose}
      confirmLoading={change.isPending}
      closable={!props.forced}
      mask={{ closable: !props.forced }}
      keyboard={!props.forced}
      cancelButtonProps={{ style: props.forced ? { display: 'none' } : undefined }}
      afterClose={() => form.resetFields()}
      forceRender
    >
      {props.forced && (
        <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
      >
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={rules('newPassword', t('password.new'), (v) =>
            checkPasswordPolicy(String(v), props.username),
          )}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <ConfirmPasswordItem />
        <Alert type="info" title={t('password.hint')} />
      </Form>
    </Modal>
  );
}
