/** The profile part of the institution form: identity, location and contact, service forms and fees. */
import { EnvironmentOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
} from 'antd';
import {
  createInstitutionBody,
  INSTITUTION_KINDS,
  OWNERSHIPS,
  SERVICE_FORMS,
  type ServiceForm,
} from '../../../../domain/contracts/institution.ts';
import { findDivision } from '../../../../domain/divisions.ts';
import { useRulesFrom } from '../../components/rulesFrom.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { type domainRule, FEE_FIELD, type FormValues } from './formModel.ts';
import { formLabel, kindLabel, ownershipLabel, useTownOptions } from './shared.ts';

type RuleFor = (field: string) => ReturnType<typeof domainRule>;

export function ProfileFields({
  form,
  ruleFor,
  current,
}: {
  form: FormInstance<FormValues>;
  ruleFor: RuleFor;
  /** The saved (masked) personal values when editing: shown as the placeholder, never as the value. */
  current?: { directorIdNumber: string | null; directorMobile: string | null } | undefined;
}) {
  const t = useT();
  const [lang] = useLang();
  const towns = useTownOptions();
  const townCode = Form.useWatch('townCode', form);
  const forms = (Form.useWatch('serviceForms', form) ?? []) as ServiceForm[];
  const required = { required: true, message: t('common.required') };
  // Lengths, enums and required-ness from the contract; the domain rules (credit code, phone, place) via ruleFor.
  const rules = useRulesFrom(createInstitutionBody);

  const applyTownCentre = () => {
    const town = townCode ? findDivision(townCode) : undefined;
    if (!town) return;
    form.setFieldsValue({ lat: town.lat, lng: town.lng });
    void form.validateFields(['lat', 'lng']);
  };

  return (
    <>
      <Card title={t('inst.sectionBasic')} size="small">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('inst.name')} rules={rules('name', t('inst.name'))}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label={t('inst.creditCode')}
              rules={[required, ruleFor('creditCode')]}
              extra={t('inst.creditCodeHint')}
            >
              <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('inst.kind')} rules={rules('kind', t('inst.kind'))}>
              <Select options={INSTITUTION_KINDS.map((k) => ({ value: k, label: kindLabel(lang, k) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="ownership"
              label={t('inst.ownership')}
              rules={rules('ownership', t('inst.ownership'))}
            >
              <Radio.Group
                options={OWNERSHIPS.map((o) => ({ value: o, label: ownershipLabel(lang, o) }))}
                optionType="button"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="inclusive" label={t('inst.inclusive')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="mealsProvided" label={t('inst.mealsProvided')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="operatorName"
              label={t('inst.operatorName')}
              rules={rules('operatorName', t('inst.operatorName'))}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Alert type="info" showIcon title={t('inst.licenceDraftNote')} style={{ marginBottom: 12 }} />
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="licenceNumber"
              label={t('inst.licenceNumber')}
              rules={rules('licenceNumber', t('inst.licenceNumber'))}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="licenceIssuedOn"
              label={t('inst.licenceIssuedOn')}
              rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('inst.licenceDateFormat') }]}
            >
              <Input placeholder="YYYY-MM-DD" maxLength={10} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="licenceValidUntil"
              label={t('inst.licenceValidUntil')}
              rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('inst.licenceDateFormat') }]}
            >
              <Input placeholder="YYYY-MM-DD" maxLength={10} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="licenceIssuer"
              label={t('inst.licenceIssuer')}
              rules={rules('licenceIssuer', t('inst.licenceIssuer'))}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="operatorCreditCode"
              label={t('inst.operatorCreditCode')}
              rules={[ruleFor('operatorCreditCode')]}
              extra={t('inst.operatorHint')}
            >
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="directorName"
              label={t('inst.directorName')}
              rules={rules('directorName', t('inst.directorName'))}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="directorIdNumber"
              label={t('inst.directorIdNumber')}
              extra={t('inst.personalHint')}
              rules={[ruleFor('directorIdNumber')]}
            >
              <Input
                maxLength={18}
                autoComplete="off"
                placeholder={
                  current?.directorIdNumber
                    ? t('inst.personalKeep', { masked: current.directorIdNumber })
                    : undefined
                }
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="directorMobile"
              label={t('inst.directorMobile')}
              extra={t('inst.personalHint')}
              rules={[ruleFor('directorMobile')]}
            >
              <Input
                maxLength={20}
                autoComplete="off"
                placeholder={
                  current?.directorMobile
                    ? t('inst.personalKeep', { masked: current.directorMobile })
                    : undefined
                }
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="openingHours"
              label={t('inst.openingHours')}
              rules={rules('openingHours', t('inst.openingHours'))}
            >
              <Input maxLength={100} placeholder={t('inst.openingHoursPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('inst.sectionLocation')} size="small">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="townCode" label={t('inst.town')} rules={[required, ruleFor('townCode')]}>
              <Select options={towns} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="address" label={t('inst.address')} rules={rules('address', t('inst.address'))}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="lat"
              label={t('inst.lat')}
              rules={[required, ruleFor('lat')]}
              dependencies={['lng']}
            >
              <InputNumber step={0.0001} precision={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="lng"
              label={t('inst.lng')}
              rules={[required, ruleFor('lng')]}
              dependencies={['lat']}
            >
              <InputNumber step={0.0001} precision={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label=" " colon={false}>
              <Button icon={<EnvironmentOutlined />} disabled={!townCode} onClick={applyTownCentre}>
                {t('inst.useTownCentre')}
              </Button>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="publicPhone"
              label={t('inst.publicPhone')}
              rules={[required, ruleFor('publicPhone')]}
              extra={t('inst.publicPhoneHint')}
            >
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('inst.sectionService')} size="small">
        <Form.Item
          name="serviceForms"
          label={t('inst.serviceForms')}
          rules={[ruleFor('serviceForms')]}
          dependencies={['kind']}
        >
          <Checkbox.Group options={SERVICE_FORMS.map((f) => ({ value: f, label: formLabel(lang, f) }))} />
        </Form.Item>
        <Row gutter={16}>
          {SERVICE_FORMS.filter((f) => forms.includes(f)).map((f) => (
            <Col xs={24} md={8} key={f}>
              <Form.Item
                name={['fees', FEE_FIELD[f]]}
                label={t(f === 'hourly' ? 'inst.feeHourly' : 'inst.feeMonthly', { form: formLabel(lang, f) })}
                rules={[ruleFor(`fees.${FEE_FIELD[f]}`)]}
                dependencies={['serviceForms']}
              >
                <InputNumber
                  min={0}
                  max={1_000_000}
                  precision={2}
                  prefix="¥"
                  suffix={f === 'hourly' ? t('inst.perHour') : t('inst.perMonth')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
    </>
  );
}
