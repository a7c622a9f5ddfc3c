/** The audited actions the trail names in words (labels in the i18n files as `auditAction.<action>`). */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.lockout',
  'auth.denied',
  'auth.password_change',
  'users.create',
  'users.update',
  'users.grant',
  'users.reset_password',
  'users.reset_admin_cli',
  'users.unlock',
  'institutions.create',
  'institutions.update',
  'institutions.classes',
  'institutions.upload',
  'institutions.document_download',
  'institutions.export',
  'institutions.import',
  'institutions.submit',
  'institutions.approve',
  'institutions.return',
  'institutions.start_operating',
  'institutions.rectify',
  'institutions.resume',
  'institutions.suspend',
  'institutions.close',
  'calendar.enter',
  'calendar.confirm',
  'calendar.reject',
  'personal_data.reveal',
  'personal_data.rotate',
  'notifications.send',
  'audit.export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(a: string): a is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(a);
}
