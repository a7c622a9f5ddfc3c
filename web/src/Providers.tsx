/**
 * App-wide providers: i18n and TanStack Query. Ant Design's ConfigProvider lives in the console
 * (admin/AntdConfig.tsx) so the mobile portal's first load carries no antd.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nProvider } from './i18n/index.tsx';
import { queryClient } from './queryClient.ts';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nProvider>
  );
}
