/** Ant Design for the console: theme, locale following the language, and the App context (message, modal). */
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLang } from '../i18n/index.tsx';

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1a6fb5',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Zen Hei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, sans-serif",
  },
};

export function AntdConfig({ children }: { children: ReactNode }) {
  const [lang] = useLang();
  return (
    // autoInsertSpace off: 登录 stays 登录 (not 登 录), so accessible names match the labels.
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
