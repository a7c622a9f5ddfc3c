/** A status as a coloured tag with its label in the current language (sets: statusSets.ts). */
import { Tag } from 'antd';
import { pick, useLang } from '../i18n/index.tsx';
import { STATUS_SETS, type StatusSet, type StatusSetName } from './statusSets.ts';

export function StatusTag(props: { set: StatusSetName; status: string; 'data-testid'?: string }) {
  const [lang] = useLang();
  const set: StatusSet = STATUS_SETS[props.set];
  const label = set.labels[props.status];
  return (
    <Tag color={set.colors[props.status] ?? 'default'} data-testid={props['data-testid']}>
      {label ? pick(lang, label.zh, label.en) : props.status}
    </Tag>
  );
}
