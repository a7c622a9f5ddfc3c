/** Renders a component the way the console does: i18n, a fresh query client, antd's App, a router. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { I18nProvider } from '../src/i18n/index.tsx';

export function renderWithProviders(ui: ReactElement, opts: { url?: string; lang?: 'zh-CN' | 'en' } = {}) {
  localStorage.setItem('tuoyu.lang', opts.lang ?? 'zh-CN');
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nProvider>
      <QueryClientProvider client={client}>
        <App>
          <MemoryRouter initialEntries={[opts.url ?? '/']}>{ui}</MemoryRouter>
        </App>
      </QueryClientProvider>
    </I18nProvider>,
  );
}
