/**
 * Cron schedules: the ONE place that knows when recurring jobs run. Each schedule is evaluated with
 * croner in Asia/Shanghai time; each period is enqueued once per district with the idempotency key
 * `cron:<period start>`, so two processes (or a restart) never run the same period twice.
 */
import { Cron } from 'croner';

export interface Schedule {
  kind: string;
  /** Cron pattern (minute hour day month weekday), Asia/Shanghai time. */
  cron: string;
  description: string;
}

/** The deployment's recurring jobs (their handlers: server/platform/jobs/system-jobs.ts). */
export const SCHEDULES: readonly Schedule[] = [
  {
    kind: 'calendar.holiday_alert',
    cron: '0 8 * * *',
    description: 'Daily 08:00: warn district officers 60 days before the holiday calendar ends',
  },
  {
    kind: 'audit.verify_chain',
    cron: '30 2 * * *',
    description: 'Nightly 02:30: verify the audit hash chain; alert the audit admin on a break',
  },
  {
    // Handler: server/modules/supervision/escalation.ts (defined when the module registers).
    kind: 'supervision.escalate_overdue',
    cron: '15 0 * * *',
    description:
      'Daily 00:15: escalate rectification items still open after their deadline (notify; operating → 整改中)',
  },
  {
    // Handler: server/modules/supervision/cameras.ts (defined when the module registers).
    kind: 'supervision.camera_probe',
    cron: '5 * * * *',
    description:
      'Hourly at :05: probe registered RTSP/HLS cameras (yes/no only, no footage); offline after 24 h unseen',
  },
  {
    // Handler: server/modules/families/retention.ts (defined when the module registers).
    kind: 'families.retention',
    cron: '45 1 * * *',
    description:
      'Daily 01:45: anonymise families whose every child is past the retention age (default 4 years); counts audited',
  },
  {
    // Handler: server/modules/exchange/webhooks.ts (defined when the module registers).
    kind: 'exchange.webhooks',
    cron: '* * * * *',
    description:
      "Every minute: push the change feed to department clients' webhooks (signed; a failing receiver backs off, cursor per client)",
  },
];

export const SCHEDULE_TIMEZONE = 'Asia/Shanghai';

export interface DuePeriod {
  kind: string;
  districtCode: string;
  key: string;
}

/** Remembers which period of each schedule this process has enqueued, so a poll is a cheap no-op. */
export class ScheduleClock {
  private readonly crons: { schedule: Schedule; cron: Cron }[];
  private readonly enqueued = new Map<string, string>();

  constructor(
    schedules: readonly Schedule[],
    private readonly districtCodes: readonly string[],
  ) {
    this.crons = schedules.map((schedule) => ({
      schedule,
      cron: new Cron(schedule.cron, { timezone: SCHEDULE_TIMEZONE, paused: true }),
    }));
  }

  /** The latest period of every schedule at `now` not yet enqueued by this process. */
  due(now: Date): DuePeriod[] {
    const out: DuePeriod[] = [];
    for (const { schedule, cron } of this.crons) {
      const [last] = cron.previousRuns(1, now);
      if (!last) continue;
      const key = `cron:${last.toISOString()}`;
      for (const districtCode of this.districtCodes) {
        if (this.enqueued.get(`${districtCode}|${schedule.kind}`) !== key)
          out.push({ kind: schedule.kind, districtCode, key });
      }
    }
    return out;
  }

  done(p: DuePeriod): void {
    this.enqueued.set(`${p.districtCode}|${p.kind}`, p.key);
  }
}
