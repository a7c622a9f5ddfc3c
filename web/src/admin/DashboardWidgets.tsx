/** Draws the dashboard's widgets (domain/contracts/dashboard.ts): numbers, charts, tasks. */
import { Card, Col, List, Row, Space, Statistic, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { DashboardItem, DashboardWidget } from '../../../domain/contracts/dashboard.ts';
import { ChartCard } from '../components/ChartCard.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { isMessageKey, pick, type TFunction, useLang, useT } from '../i18n/index.tsx';
import { shanghaiTime } from './format.ts';

const TONE_COLOR = { normal: undefined, warning: '#d46b08', danger: '#cf1322' } as const;

function useLabels() {
  const t = useT();
  const [lang] = useLang();
  const text = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  return {
    title: (w: DashboardWidget) =>
      w.title ? pick(lang, w.title.zh, w.title.en) : text(`dashboard.widget.${w.id}`, w.id),
    item: (i: DashboardItem) =>
      i.label ? pick(lang, i.label.zh, i.label.en) : text(`dashboard.item.${i.key}`, i.key),
    t,
  };
}

function Heading({ text }: { text: string }) {
  return <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
}

function NumbersCard({ widget }: { widget: DashboardWidget }) {
  const l = useLabels();
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Heading text={l.title(widget)} />
          {widget.status && (
            <StatusTag set="institution" status={widget.status} data-testid="dashboard-status" />
          )}
          {widget.asOf && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dashboard-as-of">
              {l.t('dashboard.asOf', { time: shanghaiTime(widget.asOf) })}
            </Typography.Text>
          )}
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        {widget.items.map((i) => {
          const stat = (
            <Statistic
              title={l.item(i)}
              value={i.value}
              styles={{ content: { color: TONE_COLOR[i.tone ?? 'normal'] } }}
            />
          );
          return (
            <Col key={i.key} xs={12} md={8} xl={6} data-testid={`dashboard-${i.key}`}>
              {i.href ? <Link to={i.href}>{stat}</Link> : stat}
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

function TasksCard({ widget, t }: { widget: DashboardWidget; t: TFunction }) {
  const l = useLabels();
  return (
    <Card size="small" title={<Heading text={l.title(widget)} />}>
      <List
        size="small"
        dataSource={widget.items}
        locale={{ emptyText: t('dashboard.noTasks') }}
        renderItem={(i) => <List.Item>{i.href ? <Link to={i.href}>{l.item(i)}</Link> : l.item(i)}</List.Item>}
      />
    </Card>
  );
}

export function DashboardWidgets({ widgets }: { widgets: readonly DashboardWidget[] }) {
  const l = useLabels();
  const navigate = useNavigate();
  return (
    <Row gutter={[16, 16]}>
      {widgets.map((w) => {
        if (w.kind === 'numbers')
          return (
            <Col key={w.id} span={24}>
              <NumbersCard widget={w} />
            </Col>
          );
        if (w.kind === 'tasks')
          return (
            <Col key={w.id} xs={24} lg={12}>
              <TasksCard widget={w} t={l.t} />
            </Col>
          );
        const title = l.title(w);
        return (
          <Col key={w.id} xs={24} lg={12}>
            <ChartCard
              title={<Heading text={title} />}
              titleText={title}
              kind={w.kind}
              data={w.items.map((i) => ({ key: i.key, label: l.item(i), value: i.value }))}
              onSelect={(d) => {
                const href = w.items.find((i) => i.key === d.key)?.href;
                if (href) navigate(href);
              }}
            />
          </Col>
        );
      })}
    </Row>
  );
}
