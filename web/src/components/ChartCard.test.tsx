import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { ChartCard, type ChartLib, chartOption } from './ChartCard.tsx';

const data = [
  { key: 'a', label: '朱家角镇', value: 3 },
  { key: 'b', label: '徐泾镇', value: 1 },
];

function fakeLib() {
  const chart = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn(), on: vi.fn() };
  const lib: ChartLib = { init: vi.fn(() => chart) };
  return { lib, chart };
}

describe('ChartCard', () => {
  it('draws the chart and keeps the numbers in a table for screen readers', async () => {
    const { lib, chart } = fakeLib();
    renderWithProviders(
      <ChartCard title="机构按街镇" titleText="机构按街镇" kind="bar" data={data} load={async () => lib} />,
    );
    await waitFor(() =>
      expect(chart.setOption).toHaveBeenCalledWith({ ...chartOption('bar', data), animation: true }),
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('机构按街镇: 朱家角镇 3, 徐泾镇 1');
    const table = screen.getByRole('table');
    expect(table.className).toBe('sr-only');
    expect(screen.getByRole('rowheader', { name: '朱家角镇' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '3' })).toBeTruthy();
  });

  it('draws without animation when the system asks for less motion', async () => {
    const device = (
      window as unknown as { happyDOM: { settings: { device: { prefersReducedMotion: string } } } }
    ).happyDOM.settings.device;
    device.prefersReducedMotion = 'reduce';
    try {
      const { lib, chart } = fakeLib();
      renderWithProviders(
        <ChartCard title="t" titleText="t" kind="bar" data={data} load={async () => lib} />,
      );
      await waitFor(() =>
        expect(chart.setOption).toHaveBeenCalledWith({ ...chartOption('bar', data), animation: false }),
      );
    } finally {
      device.prefersReducedMotion = 'no-preference';
    }
  });

  it('shows the table instead when the reader switches to it', async () => {
    const { lib, chart } = fakeLib();
    renderWithProviders(<ChartCard title="t" titleText="t" kind="pie" data={data} load={async () => lib} />);
    await waitFor(() => expect(chart.setOption).toHaveBeenCalled());
    fireEvent.click(screen.getByText('表格'));
    await waitFor(() => expect(screen.getByRole('table').className).toBe('chart-table'));
    expect(chart.dispose).toHaveBeenCalled();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('falls back to the table when the chart library cannot load', async () => {
    renderWithProviders(
      <ChartCard
        title="t"
        titleText="t"
        kind="bar"
        data={data}
        load={() => Promise.reject(new Error('offline'))}
      />,
    );
    await waitFor(() => expect(screen.getByRole('table').className).toBe('chart-table'));
    expect(screen.queryByText('表格')).toBeNull();
  });

  it('says when there is nothing to draw', () => {
    renderWithProviders(<ChartCard title="t" titleText="t" kind="bar" data={[]} />);
    expect(screen.getByText('暂无数据')).toBeTruthy();
  });

  it('builds a pie of label/value pairs and a bar with one value per category', () => {
    expect(chartOption('pie', data).series[0]).toMatchObject({
      type: 'pie',
      data: [
        { name: '朱家角镇', value: 3 },
        { name: '徐泾镇', value: 1 },
      ],
    });
    expect(chartOption('bar', data).series[0]).toMatchObject({ type: 'bar', data: [3, 1] });
  });
});
