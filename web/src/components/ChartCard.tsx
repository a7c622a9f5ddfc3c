/**
 * A chart in a card: ECharts (lazy-loaded, its own chunk) for the eye, and the same numbers as a table
 * for screen readers (always in the page, visually hidden) and for anyone who switches to "table".
 * If the chart library cannot load or draw, the table is shown instead.
 */
import { Card, Empty, Segmented } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/index.tsx';
import { useReducedMotion } from './reducedMotion.ts';

export interface ChartDatum {
  key: string;
  label: string;
  value: number;
}

export interface ChartCardProps {
  title: ReactNode;
  /** Plain-text title for the chart's accessible name and the table caption. */
  titleText: string;
  kind: 'bar' | 'pie';
  data: readonly ChartDatum[];
  /** Header of the value column. */
  valueLabel?: string;
  height?: number;
  onSelect?: (datum: ChartDatum) => void;
  /** Loads ECharts; tests pass their own. */
  load?: () => Promise<ChartLib>;
}

interface ChartInstance {
  setOption(option: unknown): void;
  resize(): void;
  dispose(): void;
  on(event: 'click', handler: (params: { dataIndex: number }) => void): void;
}
export interface ChartLib {
  init(el: HTMLElement, theme?: string | null, opts?: { renderer?: 'svg' | 'canvas' }): ChartInstance;
}

const loadECharts = async (): Promise<ChartLib> => (await import('./echarts.ts')).echarts as ChartLib;

/** The ECharts option of a bar or pie chart of the data. */
export function chartOption(kind: 'bar' | 'pie', data: readonly ChartDatum[]) {
  if (kind === 'pie')
    return {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          label: { formatter: '{b}: {c}' },
          data: data.map((d) => ({ name: d.label, value: d.value })),
        },
      ],
    };
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.map((d) => d.label), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: data.map((d) => d.value), itemStyle: { color: '#1a6fb5' } }],
  };
}

export function ChartCard(props: ChartCardProps) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [failed, setFailed] = useState(false);
  const { kind, data, onSelect } = props;
  const load = props.load ?? loadECharts;
  const showChart = view === 'chart' && !failed && data.length > 0;
  // Callers pass fresh arrays and callbacks on every render: redraw only when the numbers change.
  const latest = useRef({ data, onSelect });
  latest.current = { data, onSelect };
  const dataKey = JSON.stringify(data);
  const still = useReducedMotion();

  useEffect(() => {
    if (!showChart || !box.current) return;
    const el = box.current;
    let chart: ChartInstance | undefined;
    let disposed = false;
    const resize = () => chart?.resize();
    load()
      .then((lib) => {
        if (disposed) return;
        chart = lib.init(el, null, { renderer: 'svg' });
        chart.setOption({
          ...chartOption(kind, JSON.parse(dataKey) as ChartDatum[]),
          animation: !still,
        });
        chart.on('click', (p) => {
          const datum = latest.current.data[p.dataIndex];
          if (datum) latest.current.onSelect?.(datum);
        });
        window.addEventListener('resize', resize);
      })
      .catch(() => {
        if (!disposed) setFailed(true);
      });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [showChart, kind, dataKey, load, still]);

  const table = (
    <table className={view === 'table' || failed ? 'chart-table' : 'sr-only'}>
      <caption className="sr-only">{props.titleText}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.category')}</th>
          <th scope="col">{props.valueLabel ?? t('chart.value')}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr key={d.key}>
            <th scope="row">{d.label}</th>
            <td>{d.value.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <Card
      title={props.title}
      size="small"
      extra={
        data.length > 0 &&
        !failed && (
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { value: 'chart', label: t('chart.viewChart') },
              { value: 'table', label: t('chart.viewTable') },
            ]}
          />
        )
      }
    >
      {data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chart.empty')} />
      ) : (
        <>
          {showChart && (
            <div
              ref={box}
              role="img"
              aria-label={`${props.titleText}: ${data.map((d) => `${d.label} ${d.value}`).join(', ')}`}
              style={{ width: '100%', height: props.height ?? 260 }}
            />
          )}
          {table}
        </>
      )}
    </Card>
  );
}
