/**
 * Mutations of the registry: on success the detail cache is replaced and lists reload; a stale version
 * (409 conflict.stale_version) says so and reloads; a 409 with `allowed` names the transitions that are
 * possible now; field errors land on the form.
 */

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { ApiError, api, type InstitutionDetail, type TransitionBody } from '../../api/client.ts';
import { problemText, useShowError } from '../../api/errors.ts';
import { keys } from '../../api/keys.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { actionLabel } from './shared.ts';

export function useInstitutionMutation<TVars>(
  fn: (vars: TVars) => Promise<InstitutionDetail>,
  options: {
    form?: FormInstance;
    successKey?: 'inst.saved' | 'inst.transitioned';
    /** What happened, in words (e.g. 已提交备案，等待区级审核), instead of the generic key. */
    successText?: (vars: TVars) => string;
    onDone?: (d: InstitutionDetail) => void;
  } = {},
) {
  const t = useT();
  const [lang] = useLang();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail, vars) => {
      message.success(options.successText?.(vars) ?? t(options.successKey ?? 'inst.saved'));
      queryClient.setQueryData(keys.institutions.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: keys.institutions.all });
      void queryClient.invalidateQueries({ queryKey: keys.dashboard });
      options.onDone?.(detail);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'conflict.stale_version') {
        message.warning(t('inst.staleReloaded'));
        void queryClient.invalidateQueries({ queryKey: keys.institutions.all });
        return;
      }
      if (err instanceof ApiError && err.status === 409 && err.problem.allowed) {
        const allowed = err.problem.allowed.map((a) => actionLabel(lang, a)).join('、');
        modal.warning({
          title: problemText(err, lang, t('common.unknownError')),
          content: allowed ? t('inst.allowedNow', { actions: allowed }) : t('inst.noneAllowed'),
        });
        void queryClient.invalidateQueries({ queryKey: keys.institutions.all });
        return;
      }
      showError(err, options.form);
    },
  });
}

export function useTransition(id: string, onDone?: () => void) {
  const t = useT();
  return useInstitutionMutation((body: TransitionBody) => api.institutions.transition(id, body), {
    successKey: 'inst.transitioned',
    successText: (body) => t(`inst.done.${body.action}`),
    onDone,
  });
}
