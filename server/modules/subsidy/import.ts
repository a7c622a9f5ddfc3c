/**
 * Applications from the national childcare-subsidy system (育儿补贴信息管理系统), one row an application,
 * in the columns of its export as documented here (docs/kit/subsidy-import.md is the template's notes
 * sheet; no network reaches the national system from here, so the file is the adapter). The kit's
 * import: dry run with row errors by row and column, then a job. Natural key: the application number
 * (a re-import adds nothing). Row errors besides the contract: an invalid ID, a birth date contradicting
 * it, a child with no month due ("over 3"), a hukou outside Shanghai where the pack says so, a town not
 * of the district or outside the caller's scope, a bad mobile, a bank card failing its check digit, a
 * second application for a child (blind index; in the file or in the database).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { FieldError } from '../../../domain/contracts/common.ts';
import {
  ACCOUNT_KIND_LABELS,
  APPLICANT_RELATION_LABELS,
  type SubsidyApplicationBody,
  subsidyApplicationBody,
} from '../../../domain/contracts/subsidy.ts';
import type { Db } from '../../db/client.ts';
import { type Clock, localDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { divisionInScope } from '../../platform/guard.ts';
import { bool, codeOf, text } from '../../platform/import/cells.ts';
import { type ImportColumn, type ImportDefinition, importColumn } from '../../platform/import/definition.ts';
import { indexCandidates, indexValue } from '../../platform/personal-data.ts';
import { getWorkCalendar } from '../calendar/work-calendar.ts';
import {
  type CheckContext,
  checkApplication,
  duplicateChildError,
  recordApplication,
  subsidyValues,
} from './service.ts';
import { subsidyApplications } from './tables.ts';

const col = importColumn;

export const SUBSIDY_COLUMNS: ImportColumn[] = [
  col(
    'applicationNo',
    '申请编号',
    'Application number',
    true,
    'YEBT2025310118000001',
    '国家系统编号，6–40 位',
    "The national system's number, 6–40 characters",
  ),
  col('childName', '婴幼儿姓名', 'Child name', true, '示例宝宝', '1–50 字', '1–50 characters'),
  col(
    'childIdNumber',
    '婴幼儿身份证号码',
    'Child ID number',
    true,
    '31011820250615001X',
    '18 位，GB 11643 校验',
    '18 characters, GB 11643 check',
  ),
  col(
    'childBirthDate',
    '出生日期',
    'Birth date',
    true,
    '2025-06-15',
    'YYYY-MM-DD，须与身份证号码一致',
    'YYYY-MM-DD, as in the ID number',
  ),
  col(
    'hukouTownCode',
    '户籍街镇代码',
    'Hukou town code',
    true,
    '310118102',
    '9 位，本区街镇',
    '9 digits, a town of the district',
  ),
  col('localHukou', '本市户籍', 'Shanghai hukou', true, '是', '是/否', 'yes/no'),
  col(
    'adoptedOn',
    '收养日期',
    'Adoption date',
    false,
    '',
    '收养的婴幼儿填写，YYYY-MM-DD',
    'For an adopted child, YYYY-MM-DD',
  ),
  col(
    'hukouFrom',
    '户籍迁入日期',
    'Hukou moved in on',
    false,
    '',
    '户籍由外地迁入时填写',
    'When the hukou moved in from elsewhere',
  ),
  col('applicantName', '申请人姓名', 'Applicant name', true, '示例妈妈', '1–50 字', '1–50 characters'),
  col(
    'applicantRelation',
    '申请人关系',
    'Applicant relation',
    true,
    '母亲',
    '母亲/父亲/监护人/儿童福利机构',
    'mother/father/guardian/welfare institution',
  ),
  col(
    'applicantMobile',
    '申请人手机',
    'Applicant mobile',
    true,
    '13900000000',
    '11 位手机号码',
    '11-digit mobile',
  ),
  col('bankName', '开户银行', 'Bank', true, '示例银行青浦支行', '2–50 字', '2–50 characters'),
  col('accountKind', '账户类型', 'Account kind', true, '银行卡', '银行卡/存折', 'card/passbook'),
  col(
    'bankAccount',
    '收款账号',
    'Bank account',
    true,
    '6222021234567890128',
    '银行卡 16–19 位（校验位）；存折 8–30 位',
    'Card 16–19 digits (check digit); passbook 8–30 digits',
  ),
  col('appliedOn', '申请日期', 'Applied on', true, '2025-10-15', 'YYYY-MM-DD', 'YYYY-MM-DD'),
];

const opt = (s: string | undefined) => (text(s) ? s!.trim() : undefined);

function toInput(c: Record<string, string>): unknown {
  return {
    applicationNo: c.applicationNo ?? '',
    childName: c.childName ?? '',
    childIdNumber: (c.childIdNumber ?? '').trim().toUpperCase(),
    childBirthDate: c.childBirthDate ?? '',
    hukouTownCode: (c.hukouTownCode ?? '').trim(),
    localHukou: bool(c.localHukou),
    ...(opt(c.adoptedOn) ? { adoptedOn: opt(c.adoptedOn) } : {}),
    ...(opt(c.hukouFrom) ? { hukouFrom: opt(c.hukouFrom) } : {}),
    applicantName: c.applicantName ?? '',
    applicantRelation: codeOf(APPLICANT_RELATION_LABELS, c.applicantRelation?.trim()),
    applicantMobile: c.applicantMobile ?? '',
    bankName: c.bankName ?? '',
    accountKind: codeOf(ACCOUNT_KIND_LABELS, c.accountKind?.trim()),
    bankAccount: (c.bankAccount ?? '').replace(/\s/g, ''),
    appliedOn: c.appliedOn ?? '',
  };
}

interface Ctx extends CheckContext {
  /** Blind index (current key) of every child applied for in the district → its application number. */
  applied: Map<string, string>;
  /** Children met earlier in this file (blind index → application number). */
  inFile: Map<string, string>;
}

async function loadContext(db: Db, actor: Actor, clock: Clock): Promise<Ctx> {
  const today = localDate(clock.now());
  const rows = await db
    .select({ bidx: subsidyApplications.childIdBidx, no: subsidyApplications.applicationNo })
    .from(subsidyApplications)
    .where(eq(subsidyApplications.districtCode, actor.districtCode));
  return {
    today,
    values: subsidyValues(actor.districtCode, today),
    districtCode: actor.districtCode,
    townInScope: (t) => divisionInScope(actor, t),
    applied: new Map(rows.map((r) => [r.bidx as string, r.no])),
    inFile: new Map(),
  };
}

export function subsidyImport(deps: { clock: Clock }): ImportDefinition<SubsidyApplicationBody, Ctx> {
  return {
    kind: 'subsidy',
    titleZh: '育儿补贴申请',
    columns: SUBSIDY_COLUMNS,
    toInput,
    schema: subsidyApplicationBody,
    keyField: 'applicationNo',
    naturalKey: (v) => v.applicationNo.trim(),
    analyzeTables: ['subsidy_applications'],
    prepare: (db, actor) => loadContext(db, actor, deps.clock),
    rules(v, _actor, c) {
      const errors: FieldError[] = checkApplication(v, c);
      if (errors.some((e) => e.field === 'childIdNumber')) return errors;
      const bidx = indexValue('citizen_id', v.childIdNumber);
      const no = v.applicationNo.trim();
      // Stored indexes may still be under an older index key (a rotation moves rows over time).
      const stored = indexCandidates('citizen_id', v.childIdNumber)
        .map((i) => c.applied.get(i))
        .find((x) => x !== undefined);
      const earlier = stored ?? c.inFile.get(bidx);
      // The same application again is the kit's "exists, skipped"; another number for the child is an error.
      if (earlier !== undefined && earlier !== no) errors.push(duplicateChildError(earlier));
      else c.inFile.set(bidx, no);
      return errors;
    },
    async existingKeys(db, actor, keys) {
      if (keys.length === 0) return new Set();
      const rows = await db
        .select({ no: subsidyApplications.applicationNo })
        .from(subsidyApplications)
        .where(
          and(
            eq(subsidyApplications.districtCode, actor.districtCode),
            inArray(subsidyApplications.applicationNo, keys),
          ),
        );
      return new Set(rows.map((r) => r.no));
    },
    async commitBatch(tx, ctx, actor, rows) {
      const values = subsidyValues(actor.districtCode, localDate(ctx.now));
      const cal = await getWorkCalendar(tx, actor.districtCode);
      let n = 0;
      for (const r of rows) if (await recordApplication(tx, ctx, actor, r, values, cal)) n += 1;
      return n;
    },
  };
}
