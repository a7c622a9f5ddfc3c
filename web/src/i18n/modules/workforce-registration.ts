/** UI text of the 托育师 registration on staff (draft 托育服务法). Keys start with `workforce.reg.`; `en` has every key of `zh`. */
export const zh = {
  'workforce.reg.title': '托育师注册',
  'workforce.reg.number': '注册编号',
  'workforce.reg.date': '注册日期',
  'workforce.reg.issuer': '注册机关',
  'workforce.reg.none': '未登记',
  'workforce.reg.draftNote':
    '《托育服务法（草案）》（2025-12-22 一审）拟建立托育师注册制度。此处先预留编号、日期和注册机关，只校验格式；谁须注册、何时注册等规则待法律通过后再定，平台不作推定。',
  'workforce.reg.edit': '修改注册信息',
  'workforce.reg.saved': '注册信息已保存',
  'workforce.reg.dateFormat': '日期格式应为 YYYY-MM-DD',
  'workforce.reg.optional': '托育师注册（选填）',
};

export const en: Record<keyof typeof zh, string> = {
  'workforce.reg.title': 'Childcare practitioner registration',
  'workforce.reg.number': 'Registration number',
  'workforce.reg.date': 'Registered on',
  'workforce.reg.issuer': 'Registered by',
  'workforce.reg.none': 'Not recorded',
  'workforce.reg.draftNote':
    'The draft Childcare Services Law (first reading 2025-12-22) would bring registration of childcare practitioners. The number, date and issuer are kept ready here with shape checks only; who must register and when will be set once the law is passed, and the platform assumes nothing.',
  'workforce.reg.edit': 'Edit registration',
  'workforce.reg.saved': 'Registration saved',
  'workforce.reg.dateFormat': 'Use the date format YYYY-MM-DD',
  'workforce.reg.optional': 'Practitioner registration (optional)',
};
