/** /admin/login — username and password; shows the problem's localized detail (locked, rate limited…). */

import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, type LoginBody } from '../api/client.ts';
import { applyFieldErrors, problemText } from '../api/errors.ts';
import { keys } from '../api/keys.ts';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { useLang, useT } from '../i18n/index.tsx';
import { clearSessionLost, queryClient } from '../queryClient.ts';
import { useMe } from './session.ts';

/** Only paths inside the console are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && /^\/admin(\/|$)/.test(next) && !next.startsWith('//') ? next : '/admin';
}

export function LoginPage() {
  const t = useT();
  const [lang] = useLang();
  const [form] = Form.useForm<LoginBody>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [failure, setFailure] = useState<unknown>(null);
  const [parentRefused, setParentRefused] = useState(false);
  const next = safeNext(params.get('next'));
  const notice = params.get('notice');

  const login = useMutation({
    mutationFn: (body: LoginBody) => api.auth.login(body),
    onMutate: () => {
      setFailure(null);
      setParentRefused(false);
    },
    onSuccess: async (result) => {
      // Parents do not use the staff console: end the session at once and say where they belong.
      if (result.role === 'parent') {
        await api.auth.logout().catch(() => undefined);
        queryClient.setQueryData(keys.me, null);
        setParentRefused(true);
        return;
      }
      clearSessionLost();
      queryClient.setQueryData(keys.me, result);
      navigate(next, { replace: true });
    },
    onError: (err) => {
      const unmatched = applyFieldErrors(form, err, lang);
      if (unmatched === false || unmatched.length > 0) setFailure(err);
    },
  });

  if (me && !login.isPending) return <Navigate to={next} replace />;

  const failureText = failure ? problemText(failure, lang, t('common.unknownError')) : null;
  const failureType = failure instanceof ApiError && failure.status === 429 ? 'warning' : 'error';

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #e8f1fa 0%, #f5f7fa 60%)',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LangSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 20, textAlign: 'center', marginBottom: 4 }}>
          {t('app.consoleTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.title')}
        </Typography.Paragraph>
        {notice === 'passwordChanged' && (
          <Alert
            type="success"
            role="status"
            showIcon
            title={t('login.passwordChanged')}
            style={{ marginBottom: 16 }}
          />
        )}
        {notice === 'sessionEnded' && !failureText && (
          <Alert
            type="info"
            role="status"
            showIcon
            title={t('login.sessionEnded')}
            style={{ marginBottom: 16 }}
          />
        )}
        {parentRefused && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            data-testid="parent-refused"
            title={t('login.parentRefused')}
            description={<Link to="/">{t('login.portalLink')}</Link>}
            style={{ marginBottom: 16 }}
          />
        )}
        {failureText && (
          <Alert
            type={failureType}
            showIcon
            role="alert"
            title={failureText}
            data-code={failure instanceof ApiError ? failure.code : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => login.mutate({ username: values.username.trim(), password: values.password })}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/">{t('login.portalLink')}</Link>
        </div>
      </Card>
    </main>
  );
}
