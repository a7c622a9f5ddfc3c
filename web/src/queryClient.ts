/** The one TanStack Query client. A lost session (401 auth.unauthenticated) anywhere clears `me`. */

import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client.ts';
import { keys } from './api/keys.ts';

let sessionLost = false;

/** Whether a live session was lost (expired, or ended elsewhere) since the last login or logout. */
export function wasSessionLost(): boolean {
  return sessionLost;
}

export function clearSessionLost(): void {
  sessionLost = false;
}

function onError(err: unknown): void {
  if (err instanceof ApiError && err.code === 'auth.unauthenticated') {
    if (queryClient.getQueryData(keys.me)) sessionLost = true;
    queryClient.setQueryData(keys.me, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, err) =>
        !(err instanceof ApiError && err.status > 0 && err.status < 500) && failureCount < 2,
    },
  },
});
