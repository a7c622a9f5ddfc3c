/** A home visit's status tag (overdue shown in red). */
import { Tag } from 'antd';
import { useT } from '../../i18n/index.tsx';
import type { Visit } from './api.ts';

const COLORS = { scheduled: 'processing', done: 'green', cancelled: 'default' } as const;

export function VisitStatus({ visit }: { visit: Pick<Visit, 'status' | 'overdue'> }) {
  const t = useT();
  if (visit.overdue) return <Tag color="red">{t('families.overdue')}</Tag>;
  return <Tag color={COLORS[visit.status]}>{t(`families.visitStatus.${visit.status}`)}</Tag>;
}
