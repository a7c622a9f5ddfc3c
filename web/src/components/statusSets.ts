/**
 * The status vocabularies StatusTag knows: for each, the antd tag colour and the zh/en label of every
 * status. A module adds its own set here (one entry), so a status looks the same on every page.
 */
import {
  STATUS_LABELS as INSTITUTION_STATUS_LABELS,
  type InstitutionStatus,
} from '../../../domain/contracts/institution-enums.ts';

export interface StatusSet {
  colors: Readonly<Record<string, string>>;
  labels: Readonly<Record<string, { zh: string; en: string }>>;
}

export const INSTITUTION_STATUS_COLORS: Record<InstitutionStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  filed: 'cyan',
  operating: 'green',
  rectifying: 'orange',
  suspended: 'red',
  closed: 'default',
};

export const STATUS_SETS = {
  institution: { colors: INSTITUTION_STATUS_COLORS, labels: INSTITUTION_STATUS_LABELS },
  account: {
    colors: { active: 'green', disabled: 'default', locked: 'red' },
    labels: {
      active: { zh: '正常', en: 'Active' },
      disabled: { zh: '已停用', en: 'Disabled' },
      locked: { zh: '已锁定', en: 'Locked' },
    },
  },
} as const satisfies Record<string, StatusSet>;

export type StatusSetName = keyof typeof STATUS_SETS;
