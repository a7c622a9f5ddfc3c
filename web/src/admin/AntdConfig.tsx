/** Ant Design for the console: theme, locale following the language, and the App context (message, modal). */
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useReducedMotion } from '../components/reducedMotion.ts';
import { useLang } from '../i18n/index.tsx';

/**
 * Text contrast ≥ 4.5:1 (WCAG 2.1 AA 1.4.3, checked by axe in e2e/a11y.test.ts). Ant Design's defaults
 * miss it: secondary/description text rgba(0,0,0,.45) = 3.36:1, placeholders .25 = 1.83:1, links
 * #1677ff = 4.1:1, error/success/warning text and the preset tag colours (green-7 on green-1 = 3.46:1).
 * The ratios in the comments are on white; each is also ≥ 4.5:1 on #f5f5f5 and on the tag's own tint.
 */
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1a6fb5', // 5.27:1 (white text on it too)
    // Hover and press go darker, not lighter: the derived hover #3a89c2 put white text at 3.79:1
    // under the pointer right after a click (axe caught it on the dialogs' OK buttons).
    colorPrimaryHover: '#155d99', // 6.87:1
    colorPrimaryActive: '#0f4c80', // 8.88:1
    colorLinkHover: '#155d99',
    colorLinkActive: '#0f4c80',
    colorInfo: '#1a6fb5',
    colorLink: '#1a6fb5',
    colorError: '#cf1322', // 5.57:1
    colorSuccess: '#237804', // 5.59:1
    colorWarning: '#ad4e00', // 5.8:1
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)', // #666 5.74:1
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)', // #6b6b6b 5.33:1
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Zen Hei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, sans-serif",
  },
  components: {
    // The preset tag colours (StatusTag) write their text in palette step 7 (set from the seed, so
    // overridden per component): step 8, ≥ 4.5:1 on the tag's tint.
    Tag: {
      green7: '#237804',
      cyan7: '#006d75',
      gold7: '#874d00',
      orange7: '#ad4e00',
      volcano7: '#ad2102',
      lime7: '#3f6600',
      magenta7: '#9e1068',
    },
    // The empty table's "no data" line is written in the disabled colour (1.83:1).
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.58)' },
    // So is an empty list's line (the review dialog's 未上传备案材料); it sits inside the list's Spin,
    // whose own variables reset the colour, so both carry it.
    List: { colorTextDisabled: 'rgba(0, 0, 0, 0.58)' },
    Spin: { colorTextDisabled: 'rgba(0, 0, 0, 0.58)' },
  },
};

/** The same theme without Ant Design's animations, for users who asked for less motion. */
const stillTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

export function AntdConfig({ children }: { children: ReactNode }) {
  const [lang] = useLang();
  const still = useReducedMotion();
  return (
    // autoInsertSpace off: 登录 stays 登录 (not 登 录), so accessible names match the labels.
    <ConfigProvider
      locale={lang === 'zh-CN' ? zhCN : enUS}
      theme={still ? stillTheme : theme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
