import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { z } from 'zod';
import { Providers } from './Providers.tsx';
import { router } from './router.tsx';
import './styles.css';

// The CSP forbids eval: zod must not probe `new Function` (its JIT) — that probe is itself a violation.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
