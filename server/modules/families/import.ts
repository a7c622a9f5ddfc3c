/**
 * The birth-record import (issue 11): the district officer uploads the health commission's birth
 * records (CSV/XLSX, one child a row) with the kit's import: dry run with row errors, then a job.
 * Natural key: the child's ID number (matched by its blind index in the database, so no plaintext
 * is stored for the key); a row whose child exists already updates what changed, an unchanged row adds
 * nothing. Row errors: invalid ID, birth date contradicting the ID or in the future, a child 3 years
 * or older, an unknown community (not in the register), a community outside the caller's scope.
 *
 * The kit's `rules` are synchronous: the community register is read by `prepare` at the start of every
 * pass (dry run, commit, error report), so the commit job reads it itself — also when the process that
 * runs it served none of the import's routes (a restart, another worker); the commit batch reads the
 * register again, so a row is never written against a stale one.
 */
import { type BirthRecordBody, birthRecordBody } from '../../../domain/contracts/families.ts';
import { type Clock, localDate } from '../../platform/clock.ts';
import { bool, text } from '../../platform/import/cells.ts';
import { type ImportColumn, type ImportDefinition, importColumn } from '../../platform/import/definition.ts';
import { communityTowns, prepareRecord, registeredChildIds, upsertRecords } from './records.ts';
import { townInScope } from './service.ts';

const col = importColumn;

export const BIRTH_RECORD_COLUMNS: ImportColumn[] = [
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
    'birthDate',
    '出生日期',
    'Birth date',
    true,
    '2025-06-15',
    'YYYY-MM-DD，须与身份证号码一致，未满 3 周岁',
    'YYYY-MM-DD, as in the ID number, under 3',
  ),
  col('sex', '性别', 'Sex', true, '男', '男/女', 'male/female'),
  col('guardians.0.name', '监护人1姓名', 'Guardian 1 name', true, '示例妈妈', '1–50 字', '1–50 characters'),
  col(
    'guardians.0.relation',
    '监护人1关系',
    'Guardian 1 relation',
    true,
    '母亲',
    '母亲/父亲/祖辈/其他',
    'mother/father/grandparent/other',
  ),
  col(
    'guardians.0.mobile',
    '监护人1手机',
    'Guardian 1 mobile',
    true,
    '13900000000',
    '11 位手机号码',
    '11-digit mobile',
  ),
  col('guardians.0.idNumber', '监护人1身份证号码', 'Guardian 1 ID number', false, '', '可空', 'Optional'),
  col('guardians.1.name', '监护人2姓名', 'Guardian 2 name', false, '', '可空', 'Optional'),
  col(
    'guardians.1.relation',
    '监护人2关系',
    'Guardian 2 relation',
    false,
    '',
    '母亲/父亲/祖辈/其他',
    'mother/father/grandparent/other',
  ),
  col(
    'guardians.1.mobile',
    '监护人2手机',
    'Guardian 2 mobile',
    false,
    '',
    '11 位手机号码',
    '11-digit mobile',
  ),
  col('guardians.1.idNumber', '监护人2身份证号码', 'Guardian 2 ID number', false, '', '可空', 'Optional'),
  col('address', '家庭住址', 'Address', true, '青浦区示例路 1 号', '2–200 字', '2–200 characters'),
  col(
    'communityCode',
    '社区代码',
    'Community code',
    true,
    '310118102001',
    '12 位，须在社区名录中',
    '12 digits, in the community register',
  ),
  col('resident', '常住人口', 'Resident', true, '是', '是/否', 'yes/no'),
];

const SEX: Record<string, string> = {
  男: 'male',
  女: 'female',
  male: 'male',
  female: 'female',
  m: 'male',
  f: 'female',
};
const RELATION: Record<string, string> = {
  母亲: 'mother',
  母: 'mother',
  父亲: 'father',
  父: 'father',
  祖辈: 'grandparent',
  祖父母: 'grandparent',
  外祖父母: 'grandparent',
  其他: 'other',
  mother: 'mother',
  father: 'father',
  grandparent: 'grandparent',
  other: 'other',
};
const mapped = (m: Record<string, string>, s: string | undefined) =>
  s ? (m[s.trim().toLowerCase()] ?? m[s.trim()] ?? s) : undefined;

function toInput(c: Record<string, string>): unknown {
  const guardians = [0, 1]
    .filter((i) => i === 0 || c[`guardians.${i}.name`] || c[`guardians.${i}.mobile`])
    .map((i) => ({
      name: c[`guardians.${i}.name`] ?? '',
      relation: mapped(RELATION, c[`guardians.${i}.relation`]),
      mobile: c[`guardians.${i}.mobile`] ?? '',
      ...(text(c[`guardians.${i}.idNumber`]) ? { idNumber: c[`guardians.${i}.idNumber`] } : {}),
    }));
  return {
    childName: c.childName ?? '',
    childIdNumber: (c.childIdNumber ?? '').trim().toUpperCase(),
    birthDate: c.birthDate ?? '',
    sex: mapped(SEX, c.sex),
    guardians,
    address: c.address ?? '',
    communityCode: c.communityCode ?? '',
    resident: bool(c.resident),
  };
}

export function birthRecordImport(deps: {
  clock: Clock;
}): ImportDefinition<BirthRecordBody, ReadonlyMap<string, string>> {
  return {
    kind: 'families',
    titleZh: '出生登记',
    columns: BIRTH_RECORD_COLUMNS,
    toInput,
    schema: birthRecordBody,
    keyField: 'childIdNumber',
    naturalKey: (v) => v.childIdNumber.trim().toUpperCase(),
    analyzeTables: ['families', 'family_children', 'family_guardians'],
    /** The district's community register: code → town. */
    prepare: (db, actor) => communityTowns(db, actor.districtCode),
    rules(v, actor, communities) {
      return prepareRecord(v, localDate(deps.clock.now()), communities, (t) => townInScope(actor, t)).errors;
    },
    // By the blind index alone: the stored ID numbers are never opened (the index names the record).
    existingKeys: (db, actor, keys) => registeredChildIds(db, actor.districtCode, keys),
    async commitBatch(tx, ctx, actor, rows) {
      const communities = await communityTowns(tx, actor.districtCode);
      const today = localDate(ctx.now);
      const prepared = rows.flatMap((r) => {
        const p = prepareRecord(r, today, communities, (t) => townInScope(actor, t));
        return p.record ? [p.record] : [];
      });
      const res = await upsertRecords(tx, actor.districtCode, ctx.now, prepared, 'birth_record');
      return res.inserted;
    },
  };
}
