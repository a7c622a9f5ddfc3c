/** Domain errors of the Workforce (issue 9) module. */
import { defineErrors } from '../../platform/errors.ts';

export const workforceErrors = defineErrors('workforce', {
  'workforce.already_employed': {
    status: 409,
    zh: '此人已在其他机构担任保育岗位，不能同时在两处任保育岗位',
    en: 'This person already holds an active caregiving post; one person cannot hold two at once',
  },
  'workforce.banned': {
    status: 409,
    zh: '此人在终身禁入名单上，不能录用；已通知区级主管部门',
    en: 'This person is on the lifetime ban list and cannot be employed; the district officer has been told',
  },
  'workforce.record_check_found': {
    status: 409,
    zh: '入职查询（性侵违法犯罪信息查询或无犯罪记录证明）结果为有记录，不能录用；已通知区级主管部门',
    en: 'A pre-hire record check (sex-offence query or no-criminal-record certificate) found a record; the person cannot be employed. The district officer has been told',
  },
  'workforce.person_exists': {
    status: 409,
    zh: '证件号码已登记，但与所填信息不一致',
    en: 'The document number is registered already with different details',
  },
  'workforce.employment_not_active': {
    status: 409,
    zh: '该任职已结束或被拦截，不能修改',
    en: 'The employment has ended or was blocked; it cannot be changed',
  },
  'workforce.ban_lifted': { status: 409, zh: '该条目已解除', en: 'The entry is lifted already' },
  'workforce.bad_signature': {
    status: 400,
    zh: '名单文件签名无效（不是用共享密钥签发的，或已被修改）',
    en: 'The list file signature is invalid (not signed with the shared key, or altered)',
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    workforce: typeof workforceErrors;
  }
}
