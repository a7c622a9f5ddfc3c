/**
 * A SAMPLE indicator framework shaped like WS/T 821-2023 托育机构质量评估标准 (seven dimensions; in
 * force 2024-04-01). The dimension names follow the standard's structure; the items, points and
 * guidance below are placeholders written for this platform, NOT the standard's text, and must be
 * replaced by the official indicators (《青浦区托育机构规范办园行为评估指标与要点》) before real use.
 */
import type { FrameworkBody } from '../contracts/quality.ts';

const item = (code: string, name: string, points: number, guidance: string, veto = false) => ({
  code,
  name,
  points,
  guidance,
  veto,
});

export const SAMPLE_FRAMEWORK_CODE = 'wst821-sample';

export const SAMPLE_FRAMEWORK: FrameworkBody = {
  code: SAMPLE_FRAMEWORK_CODE,
  name: '【示例】托育机构质量评估指标（参照 WS/T 821-2023 七个维度，待替换为正式文本）',
  gradeBands: { excellent: 90, good: 80, qualified: 60 },
  dimensions: [
    {
      code: 'D1',
      name: '办托条件',
      items: [
        item('D1.1', '场地与设施符合备案要求', 8, '示例：查看场地、设施与备案材料是否一致'),
        item('D1.2', '玩具材料充足适宜', 6, '示例：按班级查看玩具材料'),
      ],
    },
    {
      code: 'D2',
      name: '托育队伍',
      items: [
        item('D2.1', '人员配备比例达标', 8, '示例：核对在岗人员与在托人数'),
        item('D2.2', '从业人员持证与培训', 6, '示例：查看证书与培训记录'),
      ],
    },
    {
      code: 'D3',
      name: '保育照护',
      items: [
        item('D3.1', '一日生活安排合理', 8, '示例：查看一日生活安排与观察'),
        item('D3.2', '回应性照护', 10, '示例：观察照护人员与婴幼儿互动'),
      ],
    },
    {
      code: 'D4',
      name: '卫生保健',
      items: [
        item('D4.1', '膳食营养与饮食卫生', 7, '示例：查看食谱、留样记录'),
        item('D4.2', '健康检查与疾病防控', 7, '示例：查看入托体检、晨午检记录'),
      ],
    },
    {
      code: 'D5',
      name: '养育支持',
      items: [
        item('D5.1', '家园沟通与家长指导', 6, '示例：查看家长活动与沟通记录'),
        item('D5.2', '社区养育服务', 6, '示例：查看面向社区的服务记录'),
      ],
    },
    {
      code: 'D6',
      name: '安全保障',
      items: [
        item('D6.1', '无重大安全责任事故', 6, '示例：发生重大安全责任事故的，一票否决', true),
        item('D6.2', '安全管理制度与演练', 8, '示例：查看制度、隐患排查与应急演练记录'),
      ],
    },
    {
      code: 'D7',
      name: '机构管理',
      items: [
        item('D7.1', '依法备案与规范收费', 7, '示例：未经备案擅自开展托育服务的，一票否决', true),
        item('D7.2', '内部管理与档案', 7, '示例：查看管理制度与档案'),
      ],
    },
  ],
};
