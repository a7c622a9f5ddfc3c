/**
 * The dialog of a filing-review decision (予以备案 / 退回修改): the materials the filing carries, a
 * warning naming the required ones that are missing (国卫办人口发〔2019〕25号, domain/policy/national-2019.ts),
 * and the required review opinion (审核意见) stored with the history entry. Other transitions that need a
 * reason use the same dialog without the materials.
 */
import { Alert, Form, Input, List, Modal, Typography } from 'antd';
import type { TransitionAction } from '../../../../domain/contracts/institution.ts';
import { missingFilingDocuments } from '../../../../domain/policy/national-2019.ts';
import type { InstitutionDocument } from '../../api/client.ts';
import { type MessageKey, useLang, useT } from '../../i18n/index.tsx';
import { actionLabel } from './shared.ts';

const REVIEW: readonly TransitionAction[] = ['approve', 'return'];

export function ReviewDialog(props: {
  action: TransitionAction | null;
  documents?: readonly InstitutionDocument[] | undefined;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const [form] = Form.useForm<{ reason: string }>();
  const review = props.action !== null && REVIEW.includes(props.action);
  const docs = props.documents ?? [];
  const missing = missingFilingDocuments(docs.map((d) => d.category));
  const docLabel = (c: string) => t(`inst.doc.${c}` as MessageKey);
  return (
    <Modal
      open={props.action !== null}
      title={props.action ? actionLabel(lang, props.action) : ''}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: props.action !== 'approve' }}
      confirmLoading={props.pending}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      afterClose={() => form.resetFields()}
      forceRender
    >
      {review && (
        <div data-testid="review-materials" style={{ marginBottom: 16 }}>
          <Typography.Text strong>{t('review.materials')}</Typography.Text>
          <List
            size="small"
            dataSource={[...docs]}
            locale={{ emptyText: t('review.noMaterials') }}
            renderItem={(d) => (
              <List.Item>
                {docLabel(d.category)} · {d.fileName}
              </List.Item>
            )}
          />
          {missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="review-missing"
              title={t('review.missing', {
                docs: missing.map(docLabel).join(lang === 'zh-CN' ? '、' : ', '),
              })}
              description={t('review.missingSource')}
            />
          )}
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => props.onSubmit(v.reason.trim())}
      >
        <Form.Item
          name="reason"
          label={review ? t('review.opinion') : t('inst.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: review ? t('review.opinionRequired') : t('inst.reasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
