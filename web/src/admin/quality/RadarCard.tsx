/**
 * A radar chart of percent by dimension (this round and, when there is one, the previous round), in the
 * same manner as the kit's ChartCard: ECharts lazily for the eye, the same numbers as a table for screen
 * readers (always in the page) and for anyone who switches to the table; the table if ECharts fails.
 */
import { Card, Segmented } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index.tsx';

export interface RadarSeries {
  name: string;
  /** Percent per axis, in the order of `axes`. */
  values: number[];
}

export function RadarCard({ title, axes, series }: { title: string; axes: string[]; series: RadarSeries[] }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [failed, setFailed] = useState(false);
  const showChart = view === 'chart' && !failed && axes.length > 0;
  const key = JSON.stringify({ axes, series });
  useEffect(() => {
    if (!showChart || !box.current) return;
    const el = box.current;
    let disposed = false;
    let chart: { setOption(o: unknown): void; dispose(): void; resize(): void } | undefined;
    const resize = () => chart?.resize();
    import('./radar-echarts.ts')
      .then(({ echarts }) => {
        if (disposed) return;
        const d = JSON.parse(key) as { axes: string[]; series: RadarSeries[] };
        chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption({
          tooltip: {},
          legend: { bottom: 0 },
          radar: { indicator: d.axes.map((name) => ({ name, max: 100 })), radius: '62%' },
          series: [{ type: 'radar', data: d.series.map((s) => ({ name: s.name, value: s.values })) }],
        });
        window.addEventListener('resize', resize);
      })
      .catch(() => !disposed && setFailed(true));
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [showChart, key]);
  return (
    <Card
      size="small"
      title={title}
      extra={
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
      {showChart && (
        <div
          ref={box}
          role="img"
          aria-label={`${title}: ${axes.map((a, i) => `${a} ${series[0]?.values[i] ?? ''}`).join(', ')}`}
          style={{ width: '100%', height: 320 }}
          data-testid="radar"
        />
      )}
      <table className={view === 'table' || failed ? 'chart-table' : 'sr-only'}>
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.category')}</th>
            {series.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {axes.map((a, i) => (
            <tr key={a}>
              <th scope="row">{a}</th>
              {series.map((s) => (
                <td key={s.name}>{s.values[i]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
