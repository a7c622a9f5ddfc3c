/**
 * The classes editor: one row per class (name, type, capacity, enrolled, youngest age). The capacity
 * help text names the cap of the rule pack in force and its source (国卫人口发〔2019〕58号 …).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, type FormInstance, Input, InputNumber, Row, Select } from 'antd';
import type { ClassInputBody, InstitutionKind } from '../../../../domain/contracts/institution.ts';
import type { ResolvedPolicy } from '../../../../domain/policy/index.ts';
import { CLASS_TYPES } from '../../../../domain/rules/classes.ts';
import { pick, useLang, useT } from '../../i18n/index.tsx';
import type { domainRule, FormValues } from './formModel.ts';

type RuleFor = (field: string) => ReturnType<typeof domainRule>;
type ClassType = ClassInputBody['type'];

function ClassRowFields(props: {
  form: FormInstance<FormValues>;
  index: number;
  policy: ResolvedPolicy | null;
  kind: InstitutionKind | undefined;
  ruleFor: RuleFor;
  disabled: boolean;
  onRemove: () => void;
}) {
  const t = useT();
  const [lang] = useLang();
  const { index: i, policy, ruleFor } = props;
  const type = Form.useWatch(['classes', i, 'type'], props.form) as ClassType | undefined;
  const required = { required: true, message: t('common.required') };
  const cap = type && policy ? policy.values.classCaps[type] : undefined;
  const source = type && policy ? policy.sources[`classCaps.${type}`] : undefined;
  const band = type && policy ? policy.values.classAgeBands[type] : undefined;
  const types = CLASS_TYPES.filter((c) =>
    props.kind === 'kindergarten' ? c.type === 'kindergarten_toddler' : c.type !== 'kindergarten_toddler',
  );
  const deps = [['classes', i, 'type']];
  return (
    <Row gutter={12} align="top" className="inst-class-row">
      <Col xs={24} sm={12} lg={5}>
        {/* The stored class's id travels with the row so a save keeps its staff assignments. */}
        <Form.Item name={[i, 'id']} hidden>
          <Input />
        </Form.Item>
        <Form.Item name={[i, 'name']} label={t('inst.className')} rules={[required, { max: 50 }]}>
          <Input maxLength={50} disabled={props.disabled} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={4}>
        <Form.Item
          name={[i, 'type']}
          label={t('inst.classType')}
          rules={[required, ruleFor(`classes.${i}.type`)]}
          dependencies={[['kind']]}
        >
          <Select
            disabled={props.disabled}
            options={types.map((c) => ({ value: c.type, label: pick(lang, c.zh, c.en) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8} lg={5}>
        <Form.Item
          name={[i, 'capacity']}
          label={t('inst.capacity')}
          rules={[required, ruleFor(`classes.${i}.capacity`)]}
          dependencies={deps}
          extra={
            cap !== undefined && (
              <span title={source ? `${source.title} ${source.article}` : undefined}>
                {t('inst.capHelp', { cap, source: source?.docNumber ?? '' })}
              </span>
            )
          }
        >
          <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} disabled={props.disabled} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8} lg={4}>
        <Form.Item
          name={[i, 'enrolled']}
          label={t('inst.enrolled')}
          rules={[required, ruleFor(`classes.${i}.enrolled`)]}
          dependencies={[...deps, ['classes', i, 'capacity']]}
        >
          <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} disabled={props.disabled} />
        </Form.Item>
      </Col>
      <Col xs={18} sm={6} lg={4}>
        <Form.Item
          name={[i, 'minAgeMonths']}
          label={t('inst.minAgeMonths')}
          rules={[ruleFor(`classes.${i}.minAgeMonths`)]}
          dependencies={deps}
          extra={band && t('inst.bandHelp', { min: band.minMonths, max: band.maxMonths })}
        >
          <InputNumber
            min={0}
            max={72}
            precision={0}
            placeholder={band ? String(band.minMonths) : undefined}
            style={{ width: '100%' }}
            disabled={props.disabled}
          />
        </Form.Item>
      </Col>
      <Col xs={6} sm={2} lg={2}>
        <Form.Item label=" " colon={false}>
          <Button
            danger
            icon={<DeleteOutlined />}
            aria-label={t('inst.removeClass')}
            title={t('inst.removeClass')}
            disabled={props.disabled}
            onClick={props.onRemove}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function ClassesEditor(props: {
  form: FormInstance<FormValues>;
  policy: ResolvedPolicy | null;
  ruleFor: RuleFor;
  disabled: boolean;
}) {
  const t = useT();
  const kind = Form.useWatch('kind', props.form) as InstitutionKind | undefined;
  return (
    <Card title={t('inst.classes')} size="small" id="classes">
      <Form.List name="classes" rules={[props.ruleFor('classes')]}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <ClassRowFields
                key={field.key}
                form={props.form}
                index={field.name}
                policy={props.policy}
                kind={kind}
                ruleFor={props.ruleFor}
                disabled={props.disabled}
                onRemove={() => remove(field.name)}
              />
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={props.disabled}
              onClick={() =>
                add({
                  name: '',
                  type: kind === 'kindergarten' ? 'kindergarten_toddler' : 'toddler_large',
                  capacity: null,
                  enrolled: 0,
                })
              }
            >
              {t('inst.addClass')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
