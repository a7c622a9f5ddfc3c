/**
 * The buttons of one institution, driven only by the `permittedActions` the API computed for the
 * caller (never by role names). Transitions that need a reason open a dialog; others confirm first.
 */
import { EditOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { TRANSITION_ACTIONS, type TransitionAction } from '../../../../domain/contracts/institution.ts';
import { TRANSITIONS } from '../../../../domain/institutions/lifecycle.ts';
import type { InstitutionDocument } from '../../api/client.ts';
import { useLang, useT } from '../../i18n/index.tsx';
import { useTransition } from './mutations.ts';
import { ReviewDialog } from './ReviewDialog.tsx';
import { actionLabel } from './shared.ts';

/** Which transitions read as a warning (red) and which move the filing forward (primary). */
const DANGER: readonly TransitionAction[] = ['return', 'rectify', 'suspend', 'close'];
const PRIMARY: readonly TransitionAction[] = ['submit', 'approve', 'start_operating', 'resume'];

export function ActionsBar(props: {
  id: string;
  version: number;
  permitted: readonly string[];
  /** Where edit links go, relative to the current route ('edit' on the detail page). */
  editPath?: string;
  size?: 'small' | 'middle';
  /** The filing's materials, listed in the review dialog (with the missing ones named). */
  documents?: readonly InstitutionDocument[];
}) {
  const t = useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const [asking, setAsking] = useState<TransitionAction | null>(null);
  const transition = useTransition(props.id, () => setAsking(null));
  const editPath = props.editPath ?? 'edit';

  const transitions = TRANSITION_ACTIONS.filter((a) => props.permitted.includes(a));
  const run = (action: TransitionAction, reason?: string) =>
    transition.mutate({ action, version: props.version, ...(reason ? { reason } : {}) });

  return (
    <Space wrap size={8}>
      {transitions.map((a) =>
        TRANSITIONS[a].reasonRequired ? (
          <Button
            key={a}
            size={props.size}
            type={PRIMARY.includes(a) ? 'primary' : 'default'}
            danger={DANGER.includes(a)}
            onClick={() => setAsking(a)}
          >
            {actionLabel(lang, a)}
          </Button>
        ) : (
          <Popconfirm
            key={a}
            title={t('inst.confirmAction', { action: actionLabel(lang, a) })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => run(a)}
          >
            <Button
              size={props.size}
              type={PRIMARY.includes(a) ? 'primary' : 'default'}
              loading={transition.isPending && transition.variables?.action === a}
            >
              {actionLabel(lang, a)}
            </Button>
          </Popconfirm>
        ),
      )}
      {props.permitted.includes('edit') && (
        <Button size={props.size} icon={<EditOutlined />} onClick={() => navigate(editPath)}>
          {t('inst.edit')}
        </Button>
      )}
      {props.permitted.includes('edit_classes') && (
        <Button size={props.size} icon={<TableOutlined />} onClick={() => navigate(`${editPath}#classes`)}>
          {t('inst.editClasses')}
        </Button>
      )}
      <ReviewDialog
        action={asking}
        documents={props.documents}
        pending={transition.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(reason) => asking && run(asking, reason)}
      />
    </Space>
  );
}
