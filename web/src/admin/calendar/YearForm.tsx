/**
 * Entering a year from the State Council's holiday notice: notice data, a dynamic list of holiday
 * ranges (each with its festival) and of adjusted working days (调休上班). The same pure checks as
 * the server (domain/rules/calendar-year.ts) run on every change: errors and warnings are listed
 * under the form; the server re-checks on save.
 */

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { FESTIVAL_LABELS, FESTIVALS, type Festival } from '../../../../domain/contracts/calendar.ts';
import { type CalendarIssue, checkCalendarYear } from '../../../../domain/rules/calendar-year.ts';
import { api, type CreateCalendarYearBody } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { pick, type TFunction, useLang, useT } from '../../i18n/index.tsx';

interface Values {
  year?: number;
  noticeTitle?: string;
  noticeNumber?: string;
  noticeDate?: string;
  holidays?: ({ festival?: Festival; from?: string; to?: string } | undefined)[];
  workdays?: (string | undefined)[];
}

const blank = (s: string | undefined) => !s || s.trim() === '';

/** The live checks on what has been typed so far (empty dates are not reported until saved). */
function liveCheck(v: Values): { errors: CalendarIssue[]; warnings: CalendarIssue[] } {
  if (!v.year) return { errors: [], warnings: [] };
  const holidays = (v.holidays ?? []).map((h) => ({
    festival: h?.festival ?? 'new_year',
    from: h?.from?.trim() ?? '',
    to: h?.to?.trim() ?? '',
  }));
  const workdays = (v.workdays ?? []).map((w) => w?.trim() ?? '');
  const r = checkCalendarYear({ year: v.year, holidays, workdays });
  const empty = (field: string) => {
    const [list, i, part] = field.split('.');
    if (list === 'workdays') return blank(workdays[Number(i)]);
    const h = holidays[Number(i)];
    return (
      !h ||
      (part === 'from' ? blank(h.from) : part === 'to' ? blank(h.to) : !v.holidays?.[Number(i)]?.festival)
    );
  };
  return {
    errors: r.errors.filter((e) => !(e.rule === 'date.malformed' && empty(e.field))),
    warnings: r.warnings.filter((w) => !empty(w.field.replace('festival', 'from'))),
  };
}

/** "放假时段 2 · 起" for `holidays.1.from`. */
function fieldLabel(t: TFunction, field: string): string {
  const [list, i, part] = field.split('.');
  if (list === 'workdays') return `${t('cal.workdays')} ${Number(i) + 1}`;
  const sub = part === 'from' ? t('cal.from') : part === 'to' ? t('cal.to') : t('cal.festival');
  return `${t('cal.holidays')} ${Number(i) + 1} · ${sub}`;
}

export function YearForm() {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [checks, setChecks] = useState(liveCheck({}));
  const save = useMutation({
    mutationFn: (body: CreateCalendarYearBody) => api.calendar.enter(body),
    onSuccess: () => {
      message.success(t('cal.saved'));
      form.resetFields();
      setChecks(liveCheck({}));
      void queryClient.invalidateQueries({ queryKey: keys.calendar });
    },
    onError: (err) => showError(err, form),
  });
  const issueText = (i: CalendarIssue) =>
    `${fieldLabel(t, i.field)}${lang === 'zh-CN' ? '：' : ': '}${pick(lang, i.message_zh, i.message_en)}`;
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const dateInput = <Input placeholder={t('cal.datePlaceholder')} maxLength={10} style={{ width: 130 }} />;

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('cal.form')}</h2>}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ holidays: [{}], workdays: [] }}
        onValuesChange={(_, all) => setChecks(liveCheck(all))}
        onFinish={(v) =>
          save.mutate({
            year: v.year!,
            noticeTitle: v.noticeTitle?.trim() ?? '',
            noticeNumber: v.noticeNumber?.trim() ?? '',
            noticeDate: v.noticeDate?.trim() ?? '',
            holidays: (v.holidays ?? []).map((h) => ({
              festival: h!.festival!,
              from: h!.from!.trim(),
              to: h!.to!.trim(),
            })),
            workdays: (v.workdays ?? []).map((w) => w!.trim()),
          })
        }
      >
        <Space wrap align="start" size={16}>
          <Form.Item
            name="year"
            label={t('cal.year')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={2000} max={2099} precision={0} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="noticeTitle" label={t('cal.noticeTitle')} rules={required}>
            <Input maxLength={200} style={{ width: 380 }} />
          </Form.Item>
          <Form.Item name="noticeNumber" label={t('cal.noticeNumber')}>
            <Input maxLength={50} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="noticeDate" label={t('cal.noticeDate')} rules={required}>
            {dateInput}
          </Form.Item>
        </Space>
        <h3 style={{ fontSize: 14 }}>{t('cal.holidays')}</h3>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="start" data-testid={`holiday-${i}`}>
                  <Form.Item name={[f.name, 'festival']} label={t('cal.festival')} rules={required}>
                    <Select
                      style={{ width: 190 }}
                      aria-label={`${t('cal.festival')} ${i + 1}`}
                      options={FESTIVALS.map((x) => ({
                        value: x,
                        label: pick(lang, FESTIVAL_LABELS[x].zh, FESTIVAL_LABELS[x].en),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'from']} label={t('cal.from')} rules={required}>
                    {dateInput}
                  </Form.Item>
                  <Form.Item name={[f.name, 'to']} label={t('cal.to')} rules={required}>
                    {dateInput}
                  </Form.Item>
                  <Form.Item label=" ">
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={`${t('cal.remove')} ${i + 1}`}
                      onClick={() => remove(f.name)}
                    />
                  </Form.Item>
                </Space>
              ))}
              <Form.Item>
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('cal.addRange')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <h3 style={{ fontSize: 14 }}>{t('cal.workdays')}</h3>
        <Form.List name="workdays">
          {(fields, { add, remove }) => (
            <Space wrap align="start">
              {fields.map((f, i) => (
                <Space.Compact key={f.key} data-testid={`workday-${i}`}>
                  <Form.Item name={f.name} rules={required} noStyle>
                    <Input
                      placeholder={t('cal.datePlaceholder')}
                      maxLength={10}
                      style={{ width: 130 }}
                      aria-label={`${t('cal.workdays')} ${i + 1}`}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={`${t('cal.remove')} ${t('cal.workdays')} ${i + 1}`}
                    onClick={() => remove(f.name)}
                  />
                </Space.Compact>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add('')}>
                {t('cal.addWorkday')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
          {checks.errors.length > 0 && (
            <Alert
              type="error"
              title={t('cal.errors')}
              description={
                <ul>
                  {checks.errors.map((e) => (
                    <li key={`${e.field}${e.rule}`}>{issueText(e)}</li>
                  ))}
                </ul>
              }
            />
          )}
          {checks.warnings.length > 0 && (
            <Alert
              type="warning"
              title={t('cal.warnings')}
              description={
                <ul>
                  {checks.warnings.map((w) => (
                    <li key={`${w.field}${w.rule}`}>{issueText(w)}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('cal.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
