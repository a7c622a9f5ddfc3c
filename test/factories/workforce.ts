/** Workforce factories (issue 9): synthetic people with valid GB 11643 numbers, written through the service. */
import type { CreateStaffBody, Post, RecordCheckInput } from '../../domain/contracts/workforce.ts';
import { citizenIdCheckChar } from '../../domain/rules/ids.ts';
import type { Db } from '../../server/db/client.ts';
import { createWorkforceService } from '../../server/modules/workforce/service.ts';
import type { Actor } from '../../server/platform/context.ts';
import type { Jobs } from '../../server/platform/jobs/index.ts';
import { actorFor, contextFor, FACTORY_NOW } from './context.ts';

let counter = 0;

/** A synthetic citizen ID (Qingpu address code, given birth date, odd sequence = male) with a valid check character. */
export function syntheticCitizenId(birth = '1990-05-17', female = true, n = ++counter): string {
  const seq = (n % 500) * 2 + (female ? 0 : 1);
  const first17 = `310118${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17);
}

/** A synthetic mobile number (13800000000 + n). */
export const syntheticMobile = (n = ++counter) => `138${String(n % 100_000_000).padStart(8, '0')}`;

/**
 * The two clear pre-hire record checks (入职查询) a hire needs, dated on the start date or 2026-01-01
 * if earlier (never after the start, never after the tests' clock), synthetic reference numbers.
 */
export function syntheticChecks(startDate: string, n = ++counter): RecordCheckInput[] {
  const checkedOn = startDate < '2026-01-01' ? startDate : '2026-01-01';
  return [
    { kind: 'sex_offence_query', result: 'clear', checkedOn, referenceNumber: `CX-TEST-${n}` },
    { kind: 'no_criminal_record', result: 'clear', checkedOn, referenceNumber: `WF-TEST-${n}` },
  ];
}

export function buildStaffInput(
  institutionId: string,
  o: Partial<Omit<CreateStaffBody, 'employment'>> & { post?: Post; startDate?: string } = {},
): CreateStaffBody {
  const { post = 'caregiver', startDate = '2026-02-01', ...rest } = o;
  return {
    name: `测试人员${++counter}`,
    idType: 'citizen_id',
    idNumber: syntheticCitizenId(),
    mobile: syntheticMobile(),
    education: 'college_diploma',
    employment: {
      institutionId,
      post,
      startDate,
      labourContract: true,
      socialInsurance: true,
      checks: syntheticChecks(startDate),
    },
    ...rest,
  };
}

/** A person hired at an institution, with optional certificates, through the service. */
export async function buildStaff(
  db: Db,
  jobs: Jobs,
  institutionId: string,
  o: Partial<Omit<CreateStaffBody, 'employment'>> & {
    post?: Post;
    startDate?: string;
    certificates?: { type: 'caregiver' | 'infant_carer' | 'teacher' | 'health'; expiresOn?: string }[];
    actor?: Actor;
    now?: Date;
  } = {},
) {
  const { certificates = [], actor = actorFor(), now = FACTORY_NOW, ...input } = o;
  const svc = createWorkforceService({ db, jobs });
  const ctx = contextFor(actor, now);
  let d = await svc.create(ctx, actor, buildStaffInput(institutionId, input));
  for (const [i, c] of certificates.entries())
    d = await svc.addCertificate(ctx, actor, d.id, {
      type: c.type,
      number: `C${counter}-${i}`,
      issuer: '青浦区人力资源和社会保障局',
      issuedOn: '2024-01-01',
      ...(c.expiresOn ? { expiresOn: c.expiresOn } : {}),
    });
  return d;
}
