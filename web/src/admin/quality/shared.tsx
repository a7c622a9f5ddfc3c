/** Small shared pieces of the quality pages: grade and status tags, labels. */
import { Tag } from 'antd';
import type { MessageKey, TFunction } from '../../i18n/index.tsx';

const GRADE_COLORS: Record<string, string> = {
  excellent: 'green',
  good: 'blue',
  qualified: 'gold',
  unqualified: 'red',
};

export function GradeTag({ grade, t }: { grade: string | null; t: TFunction }) {
  if (!grade) return <Tag>{t('quality.grade.none')}</Tag>;
  return <Tag color={GRADE_COLORS[grade]}>{t(`quality.grade.${grade}` as MessageKey)}</Tag>;
}

export function RoundStatusTag({ status, t }: { status: string; t: TFunction }) {
  return (
    <Tag color={status === 'open' ? 'processing' : 'default'}>
      {t(`quality.status.${status}` as MessageKey)}
    </Tag>
  );
}

export const kindLabel = (t: TFunction, kind: string) => t(`quality.kind.${kind}` as MessageKey);
export const evalStatusLabel = (t: TFunction, s: string) => t(`quality.eval.${s}` as MessageKey);

export function fmtDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
