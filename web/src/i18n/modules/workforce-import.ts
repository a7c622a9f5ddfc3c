/** UI text of the staff import (workforce module). Keys start with `workforce.import.`; `en` has every key of `zh`. */
export const zh = {
  'workforce.import.button': '批量导入',
  'workforce.import.title': '导入从业人员及任职',
  'workforce.import.intro':
    '每行一人：证件、手机号码、学历、岗位、入职日期和任职机构的统一社会信用代码。机构负责人只能导入本机构人员，区级主管部门可导入全区机构的人员。每行按单个录用的规则检查：身份证号码校验、入职时年满 18 周岁、岗位和机构、同一人只能任一个保育岗位，并进行终身禁入名单筛查——命中名单的行不能导入，并会通知区级主管部门。已在该机构任职的人员跳过，重复导入同一文件不会新增。',
  'workforce.import.committed': '导入完成：新增 {n} 项任职。',
  'workforce.import.toList': '查看从业人员',
} as const;

export const en: { readonly [K in keyof typeof zh]: string } = {
  'workforce.import.button': 'Import',
  'workforce.import.title': 'Import staff and their employment',
  'workforce.import.intro':
    "One person a row: document, mobile, education, post, start date and the employing institution's unified social credit code. An institution's admin imports its own staff only; the district officer any institution's. Each row is checked as a single hire: the ID checksum, 18 or older on the start date, post and institution, one caregiving post per person, and lifetime-ban screening — a row on the list cannot be imported, and the district officers are told. People already employed at the institution are skipped; importing the same file again adds nothing.",
  'workforce.import.committed': 'Import finished: {n} employments added.',
  'workforce.import.toList': 'View staff',
};
