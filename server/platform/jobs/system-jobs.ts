/**
 * The platform's own recurring jobs (their schedules: schedules.ts):
 * - `calendar.holiday_alert`: 60 days before the holiday calendar ends, tell the district officers
 *   (once per calendar end date, whatever the number of runs).
 * - `audit.verify_chain`: recompute the audit hash chain (what `npm run audit:verify` does); on a
 *   break, tell the audit admins (once per broken entry).
 */
import { CN_HOLIDAY_YEARS, type HolidayYear } from '../../../domain/policy/holidays-cn.ts';
import { calendarAlert } from '../../../domain/rules/calendar-alert.ts';
import type { Db } from '../../db/client.ts';
import { verifyAuditChain } from '../audit/service.ts';
import { notifyRole } from '../notifications/index.ts';
import type { JobContext, Jobs } from './index.ts';

/** YYYY-MM-DD in China Standard Time (UTC+8 all year). */
const localDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Notify inside one transaction and audit the delivery as the system actor. */
async function notifyAndAudit(
  ctx: JobContext,
  role: 'district_officer' | 'audit_admin',
  message: Parameters<typeof notifyRole>[2],
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const n = await notifyRole(
      tx,
      { districtCode: ctx.districtCode, role, scope: { kind: 'division', divisionCode: ctx.districtCode } },
      message,
      { now },
    );
    if (n > 0)
      await ctx.audit(tx, {
        action: 'notifications.send',
        objectType: 'notification',
        changes: { kind: message.kind, role, recipients: n },
      });
    return n;
  });
}

export interface SystemJobOptions {
  /**
   * The holiday years a district counts with (default: the shipped ones). A module that lets the
   * district add years (the calendar module) passes its own source, so the alert follows the real end.
   */
  calendarYears?: (db: Db, districtCode: string) => Promise<readonly HolidayYear[]>;
}

export function defineSystemJobs(jobs: Jobs, opts: SystemJobOptions = {}): void {
  const years = opts.calendarYears ?? (async () => CN_HOLIDAY_YEARS);
  jobs.define('calendar.holiday_alert', async (_p, ctx) => {
    const a = calendarAlert(localDate(ctx.clock.now()), await years(ctx.db, ctx.districtCode));
    if (!a.due) return { due: false, end: a.end };
    const notified = await notifyAndAudit(ctx, 'district_officer', {
      kind: 'calendar.ends_soon',
      titleZh: `节假日日历将于 ${a.end} 到期`,
      titleEn: `The holiday calendar ends on ${a.end}`,
      bodyZh: `工作日计算（如备案时限）依赖国务院办公厅每年发布的节假日安排，系统中的日历将于 ${a.end} 到期。请在到期前录入下一年度的安排，否则此后的日期将无法计算工作日。`,
      bodyEn: `Working-day arithmetic (e.g. filing deadlines) relies on the State Council's yearly holiday notice; the calendar in the system ends on ${a.end}. Enter next year's notice before then, or working days after that date cannot be computed.`,
      link: '/admin/calendar',
      dedupeKey: `calendar-end:${a.end}`,
    });
    return { due: true, end: a.end, notified };
  });

  jobs.define(
    'audit.verify_chain',
    async (_p, ctx) => {
      const r = await verifyAuditChain(ctx.db, ctx.districtCode);
      if (r.ok) return { ok: true, count: r.count };
      const notified = await notifyAndAudit(ctx, 'audit_admin', {
        kind: 'audit.chain_broken',
        titleZh: `审计日志哈希链在第 ${r.brokenAt} 条处断裂`,
        titleEn: `The audit hash chain is broken at entry ${r.brokenAt}`,
        bodyZh: `夜间校验发现审计日志被篡改或删除（${r.reason}）。此前 ${r.count} 条校验通过。请立即调查，并运行 npm run audit:verify 复核。`,
        bodyEn: `The nightly check found the audit trail altered or truncated (${r.reason}); ${r.count} entries before it verified. Investigate now and re-run npm run audit:verify.`,
        link: '/admin/audit',
        dedupeKey: `audit-break:${r.brokenAt}:${r.reason}`,
      });
      return { ok: false, count: r.count, brokenAt: r.brokenAt, notified };
    },
    { maxAttempts: 3 },
  );
}
