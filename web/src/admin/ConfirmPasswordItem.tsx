/** The "confirm new password" field shared by the change-password and reset-password dialogs. */
import { Form, Input } from 'antd';
import { useT } from '../i18n/index.tsx';

export function ConfirmPasswordItem() {
  const t = useT();
  return (
    <Form.Item
      name="confirm"
      label={t('password.confirm')}
      dependencies={['newPassword']}
      rules={[
        { required: true, message: t('common.required') },
        ({ getFieldValue }) => ({
          validator: (_, value) =>
            !value || getFieldValue('newPassword') === value
              ? Promise.resolve()
              : Promise.reject(new Error(t('password.mismatch'))),
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
