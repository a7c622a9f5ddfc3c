/**
 * A masked personal value with a 查看/Reveal button for callers with `personal_data.reveal`: the button
 * asks for a purpose (required, audited on the server) and shows the one value in place until hidden.
 * The unmasked value lives only in this component's state (never in the query cache). Institutions' fields by
 * default; another module passes its own `reveal` call.
 */
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { PURPOSE_MIN } from '../../../../domain/contracts/personal-data.ts';
import { api, type InstitutionRevealBody } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';

type RevealProps = { label: string; masked: string | null } & (
  | { institutionId: string; field: InstitutionRevealBody['field'] }
  /** Another module's reveal route (e.g. a staff member's ID number): called with the purpose. */
  | { field: string; reveal: (purpose: string) => Promise<{ value: string | null }> }
);

export function RevealValue(props: RevealProps) {
  const t = useT();
  const me = useCurrentMe();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  const [form] = Form.useForm<{ purpose: string }>();
  if (props.masked == null) return <>—</>;

  const submit = async () => {
    const { purpose } = await form.validateFields();
    setBusy(true);
    try {
      const res =
        'reveal' in props
          ? await props.reveal(purpose)
          : await api.institutions.reveal(props.institutionId, { field: props.field, purpose });
      setValue(res.value);
      setOpen(false);
      form.resetFields();
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size={4} wrap>
      <Typography.Text copyable={value ? { text: value } : false} data-testid={`reveal-${props.field}`}>
        {value ?? props.masked}
      </Typography.Text>
      {value ? (
        <Button size="small" type="link" onClick={() => setValue(null)}>
          {t('inst.revealHide')}
        </Button>
      ) : (
        can(me, 'personal_data.reveal') && (
          <Button size="small" type="link" onClick={() => setOpen(true)}>
            {t('inst.reveal')}
          </Button>
        )
      )}
      <Modal
        open={open}
        title={t('inst.revealTitle', { field: props.label })}
        okText={t('inst.revealOk')}
        confirmLoading={busy}
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('inst.revealNotice')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="purpose"
            label={t('inst.revealPurpose')}
            rules={[
              {
                required: true,
                whitespace: true,
                min: PURPOSE_MIN,
                message: t('inst.revealPurposeMin', { n: PURPOSE_MIN }),
              },
              { max: 200 },
            ]}
          >
            <Input.TextArea rows={2} maxLength={200} placeholder={t('inst.revealPurposePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
