/**
 * The staff page's 托育师注册 card (draft 托育服务法, first reading 2025-12-22): number, date and issuer,
 * nullable and shape-checked only, with the note that the law is a draft; editable by those who manage
 * the person (PUT staff/:id/registration, audited on the server).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { http, unwrap } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useT } from '../../i18n/index.tsx';
import type { StaffDetail } from './api.ts';

type Values = { registrationNumber?: string; registrationDate?: string; registrationIssuer?: string };

/** The three fields, for the hire form and the edit dialog. */
export function RegistrationFields() {
  const t = useT();
  return (
    <>
      <Form.Item name="registrationNumber" label={t('workforce.reg.number')} rules={[{ max: 50 }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="registrationDate"
        label={t('workforce.reg.date')}
        rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('workforce.reg.dateFormat') }]}
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item name="registrationIssuer" label={t('workforce.reg.issuer')} rules={[{ max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
}

export function RegistrationCard({ person, canEdit }: { person: StaffDetail; canEdit: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const m = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        http.PUT('/api/v1/workforce/staff/{id}/registration', {
          params: { path: { id: person.id } },
          body: {
            registrationNumber: v.registrationNumber?.trim() || null,
            registrationDate: v.registrationDate || null,
            registrationIssuer: v.registrationIssuer?.trim() || null,
          },
        }),
      ),
    onSuccess: () => {
      message.success(t('workforce.reg.saved'));
      setOpen(false);
      void qc.invalidateQueries({ queryKey: keys.workforce.all });
    },
    onError: (e) => showError(e, form),
  });
  const none = t('workforce.reg.none');
  return (
    <Card
      title={t('workforce.reg.title')}
      extra={
        canEdit && (
          <Button
            onClick={() => {
              form.setFieldsValue({
                registrationNumber: person.registrationNumber ?? '',
                registrationDate: person.registrationDate ?? '',
                registrationIssuer: person.registrationIssuer ?? '',
              });
              setOpen(true);
            }}
          >
            {t('workforce.reg.edit')}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon message={t('workforce.reg.draftNote')} style={{ marginBottom: 12 }} />
      <Descriptions column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('workforce.reg.number')}>
          {person.registrationNumber ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('workforce.reg.date')}>
          {person.registrationDate ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('workforce.reg.issuer')}>
          {person.registrationIssuer ?? none}
        </Descriptions.Item>
      </Descriptions>
      <Modal
        title={t('workforce.reg.edit')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={m.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
          <RegistrationFields />
        </Form>
      </Modal>
    </Card>
  );
}
