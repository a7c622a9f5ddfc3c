/** The radar part of ECharts (tree-shaken, SVG renderer), loaded lazily by RadarCard; the kit's echarts.ts has bar and pie only. */
import { RadarChart } from 'echarts/charts';
import { LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([RadarChart, RadarComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
