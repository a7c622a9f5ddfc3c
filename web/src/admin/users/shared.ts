/** Shared by the user-management dialogs: the save mutation (with stale-version handling) and divisions. */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { ApiError, api, type Division } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useT } from '../../i18n/index.tsx';

/**
 * A mutation for a user dialog: on success a toast, the list reloads and the dialog closes; field
 * errors land on the form; a stale version (409) reloads the list and closes the dialog.
 */
export function useUserMutation<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  form: FormInstance,
  onDone: () => void,
) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      message.success(t('users.saved'));
      void queryClient.invalidateQueries({ queryKey: keys.users.all });
      onDone();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'conflict.stale_version') {
        showError(err);
        message.warning(t('users.staleReloaded'));
        void queryClient.invalidateQueries({ queryKey: keys.users.all });
        onDone();
        return;
      }
      showError(err, form);
    },
  });
}

/** The district's divisions (public reference data; changes almost never). */
export function useDivisions() {
  return useQuery<Division[]>({
    queryKey: keys.divisions,
    queryFn: ({ signal }) => api.divisions.list(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
