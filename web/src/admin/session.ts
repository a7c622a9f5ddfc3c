/** The console session: who is logged in (`me`), what they may do, and logging out. */

import { useMutation, useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext } from 'react';
import { useNavigate } from 'react-router';
import type { Action } from '../../../domain/contracts/permissions.ts';
import { api, type Me } from '../api/client.ts';
import { keys } from '../api/keys.ts';
import { clearSessionLost, queryClient } from '../queryClient.ts';

export type { Action };

/** `me`, or null when there is no session. Other errors (network, 5xx) surface as query errors. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: keys.me,
    queryFn: async ({ signal }) => {
      // GET /auth/session answers 200 with null when logged out: no 401 error in the browser console.
      return (await api.auth.session(signal)).me;
    },
    staleTime: 60_000,
  });
}

/** Provided by the console layout once `me` is known; pages never render without it. */
export const MeContext = createContext<Me | null>(null);

/**
 * The logged-in caller, inside the console layout. Read from context (not the query) so a page that is
 * about to unmount because the session ended never renders with `me` = null.
 */
export function useCurrentMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentMe() outside the console layout');
  return me;
}

/** Whether the caller may take any of the given actions (from `me.permittedActions`, never role names). */
export function can(me: Me | null | undefined, action: Action | readonly Action[]): boolean {
  if (!me) return false;
  const wanted: readonly string[] = typeof action === 'string' ? [action] : action;
  return wanted.some((a) => me.permittedActions.includes(a));
}

/** Forgets everything cached for the old session and goes to the login page. */
export function useEndSession(): (notice?: 'passwordChanged' | 'sessionEnded') => void {
  const navigate = useNavigate();
  return useCallback(
    (notice) => {
      clearSessionLost();
      queryClient.removeQueries();
      queryClient.setQueryData(keys.me, null);
      navigate(notice ? `/admin/login?notice=${notice}` : '/admin/login', { replace: true });
    },
    [navigate],
  );
}

export function useLogout() {
  const endSession = useEndSession();
  return useMutation({
    mutationFn: () => api.auth.logout(),
    // Even if the call fails (session already gone), the browser side is logged out.
    onSettled: () => endSession(),
  });
}
