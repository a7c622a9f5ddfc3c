/** The parts of ECharts the console draws with (tree-shaken, SVG renderer); loaded lazily by ChartCard. */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, SVGRenderer]);

export { echarts };
