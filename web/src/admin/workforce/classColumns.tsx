/** The class staffing columns (rule with its citation, certified against required, state) shared by the compliance page and the institution page. */

import type { TableColumnsType } from 'antd';
import { Tag } from 'antd';
import type { useT } from '../../i18n/index.tsx';
import type { Compliance } from './api.ts';

export type ClassStaffingRow = Compliance['classes'][number];

export function classStaffingColumns(t: ReturnType<typeof useT>): TableColumnsType<ClassStaffingRow> {
  return [
    {
      title: t('workforce.rule'),
      key: 'rule',
      render: (_, x) => (
        <span title={x.citation ? `${x.citation.docNumber} ${x.citation.article}` : ''}>
          {x.perClass && !(x.perClass.teachers === 2 && x.perClass.caregivers === 1)
            ? t('workforce.rule.perClass', { teachers: x.perClass.teachers, carers: x.perClass.caregivers })
            : t(`workforce.rule.${x.rule}`)}
          {x.ratio ? ` 1:${x.ratio}` : ''}
          {x.citation ? `（${x.citation.docNumber}）` : ''}
        </span>
      ),
    },
    {
      title: t('workforce.staffing'),
      key: 'staffing',
      render: (_, x) => (
        <>
          {x.rule === 'two_teachers_one_caregiver'
            ? t('workforce.twoOne', { teachers: x.certifiedTeachers, carers: x.certifiedCaregivers })
            : `${x.certifiedCaregivers} / ${x.required}`}
          {x.sharedStaff > 0 && (
            <div style={{ fontSize: 12 }}>{t('workforce.shared', { n: x.sharedStaff })}</div>
          )}
        </>
      ),
    },
    {
      title: t('workforce.status'),
      key: 'status',
      render: (_, x) => (
        <Tag color={x.compliant ? 'green' : 'red'}>
          {x.compliant ? t('workforce.compliant') : t('workforce.under')}
        </Tag>
      ),
    },
  ];
}
