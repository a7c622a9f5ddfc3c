/**
 * A masked personal value with a 查看/Reveal button for callers with `personal_data.reveal`: the button
 * asks for a purpose (required, audited on the server) and shows the one value in place until hidden.
 * The unmasked value lives only in React state (never in the query cache). Institutions' fields by
 * default; another module passes its own `reveal` call and the `subject` it reveals (e.g. a staff id).
 *
 * The revealed values and the purpose dialog live in a `RevealScope` that the page puts around its
 * layout, not in each `RevealValue`: a responsive `Descriptions` moves its items into other rows when
 * its column count changes (a resized window, a rotated tablet), which mounts them afresh, and a dialog
 * or a value kept inside an item was lost with it. Leaving the page drops the scope and every value; a
 * page keys its scope by the object's id, so going on to another object's page drops them too.
 * A `RevealValue` outside any scope makes its own.
 */
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { PURPOSE_MIN } from '../../../../domain/contracts/personal-data.ts';
import { api, type InstitutionRevealBody } from '../../api/client.ts';
import { useShowError } from '../../api/errors.ts';
import { useT } from '../../i18n/index.tsx';
import { can, useCurrentMe } from '../session.ts';

type RevealCall = (purpose: string) => Promise<{ value: string | null }>;

type RevealProps = { label: string; masked: string | null } & (
  | { institutionId: string; field: InstitutionRevealBody['field'] }
  /** Another module's reveal route (e.g. a staff member's ID number): called with the purpose. */
  | { subject: string; field: string; reveal: RevealCall }
);

interface Asking {
  key: string;
  label: string;
  reveal: RevealCall;
}

interface RevealStore {
  /** Revealed values by key (subject and field). */
  values: ReadonlyMap<string, string | null>;
  ask(asking: Asking): void;
  hide(key: string): void;
}

const RevealContext = createContext<RevealStore | null>(null);

/** Holds a page's revealed values and its one purpose dialog, above any responsive layout. */
export function RevealScope({ children }: { children: ReactNode }) {
  const [values, setValues] = useState<ReadonlyMap<string, string | null>>(new Map());
  const [asking, setAsking] = useState<Asking | null>(null);
  const [open, setOpen] = useState(false);
  const store = useMemo<RevealStore>(
    () => ({
      values,
      ask(a) {
        setAsking(a);
        setOpen(true);
      },
      hide(key) {
        setValues((prev) => {
          const next = new Map(prev);
          next.delete(key);
          return next;
        });
      },
    }),
    [values],
  );
  return (
    <RevealContext.Provider value={store}>
      {children}
      <PurposeDialog
        asking={asking}
        open={open}
        onClose={() => setOpen(false)}
        onRevealed={(key, value) => setValues((prev) => new Map(prev).set(key, value))}
      />
    </RevealContext.Provider>
  );
}

function PurposeDialog(props: {
  asking: Asking | null;
  open: boolean;
  onClose(): void;
  onRevealed(key: string, value: string | null): void;
}) {
  const t = useT();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ purpose: string }>();
  const { asking } = props;

  const submit = async () => {
    if (!asking) return;
    const { purpose } = await form.validateFields();
    setBusy(true);
    try {
      const res = await asking.reveal(purpose);
      props.onRevealed(asking.key, res.value);
      props.onClose();
      form.resetFields();
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={asking ? t('inst.revealTitle', { field: asking.label }) : undefined}
      okText={t('inst.revealOk')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('inst.revealNotice')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="purpose"
          label={t('inst.revealPurpose')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: PURPOSE_MIN,
              message: t('inst.revealPurposeMin', { n: PURPOSE_MIN }),
            },
            { max: 200 },
          ]}
        >
          <Input.TextArea rows={2} maxLength={200} placeholder={t('inst.revealPurposePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RevealValue(props: RevealProps) {
  const t = useT();
  const me = useCurrentMe();
  const scope = useContext(RevealContext);
  if (!scope) {
    return (
      <RevealScope>
        <RevealValue {...props} />
      </RevealScope>
    );
  }
  if (props.masked == null) return <>—</>;

  const key =
    'reveal' in props
      ? `${props.subject}:${props.field}`
      : `institution:${props.institutionId}:${props.field}`;
  const value = scope.values.get(key) ?? null;
  const reveal: RevealCall =
    'reveal' in props
      ? props.reveal
      : (purpose) => api.institutions.reveal(props.institutionId, { field: props.field, purpose });

  return (
    <Space size={4} wrap>
      <Typography.Text copyable={value ? { text: value } : false} data-testid={`reveal-${props.field}`}>
        {value ?? props.masked}
      </Typography.Text>
      {value ? (
        <Button size="small" type="link" onClick={() => scope.hide(key)}>
          {t('inst.revealHide')}
        </Button>
      ) : (
        can(me, 'personal_data.reveal') && (
          <Button size="small" type="link" onClick={() => scope.ask({ key, label: props.label, reveal })}>
            {t('inst.reveal')}
          </Button>
        )
      )}
    </Space>
  );
}
