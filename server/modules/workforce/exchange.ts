/**
 * Ban-list exchange between districts (ADR 0018): export the district's entries in force as a signed
 * file of keyed hashes (no names, no numbers, no free-text reasons); import another district's file
 * after checking its signature, idempotently, then re-screen the active staff (the existing job).
 */
import { and, eq, isNull } from 'drizzle-orm';
import {
  BAN_LIST_FORMAT,
  BAN_REASON_CATEGORY_LABELS,
  type BanListFile,
  type BanListFileEntry,
} from '../../../domain/contracts/workforce.ts';
import { canonicalBanList, entryKey, planBanImport } from '../../../domain/workforce/exchange.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { scopeWhere } from '../../platform/guard.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { signBanList, verifyBanList } from './ban-key.ts';
import './errors.ts';
import { RESCREEN_JOB } from './service.ts';
import { banEntries } from './tables.ts';

/** Sign a list body (the exporting side; tests sign files of other districts the same way). */
export function signedBanList(body: Omit<BanListFile, 'signature'>, key?: Buffer): BanListFile {
  const canonical = canonicalBanList(body);
  return { ...body, signature: key ? signBanList(canonical, key) : signBanList(canonical) };
}

export function createBanExchange(deps: { db: Db; jobs: Jobs }) {
  const { db, jobs } = deps;
  return {
    /** The district's entries in force (its own and those it imported, each with its issuing district). */
    async exportList(ctx: RequestContext, actor: Actor): Promise<BanListFile> {
      return db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(banEntries)
          .where(and(scopeWhere(actor, { district: banEntries.districtCode }), isNull(banEntries.liftedAt)));
        const entries: BanListFileEntry[] = rows.map((r) => ({
          hash: r.banHash,
          role: r.role,
          reasonCategory: r.reasonCategory,
          decisionRef: r.decisionRef,
          decisionDate: r.decisionDate,
          issuingDistrict: r.issuingDistrict ?? r.districtCode,
        }));
        const file = signedBanList({
          format: BAN_LIST_FORMAT,
          exportedBy: actor.districtCode,
          exportedAt: ctx.now.toISOString(),
          entries,
        });
        await recordAudit(tx, ctx, {
          action: 'workforce.ban_export',
          objectType: 'workforce_ban_list',
          objectId: actor.districtCode,
          changes: { entries: entries.length },
        });
        return file;
      });
    },

    /** Check the signature (400, nothing written), add the new entries, enqueue the re-screening. */
    async importList(ctx: RequestContext, actor: Actor, file: BanListFile) {
      if (!verifyBanList(canonicalBanList(file), file.signature)) {
        await db.transaction((tx) =>
          recordAudit(tx, ctx, {
            action: 'workforce.ban_import',
            objectType: 'workforce_ban_list',
            objectId: file.exportedBy,
            result: 'denied',
            changes: { rule: 'bad_signature', entries: file.entries.length },
          }),
        );
        throw new DomainError('workforce.bad_signature');
      }
      return db.transaction(async (tx) => {
        const held = await tx
          .select({
            hash: banEntries.banHash,
            decisionRef: banEntries.decisionRef,
            issuingDistrict: banEntries.issuingDistrict,
          })
          .from(banEntries)
          .where(and(eq(banEntries.districtCode, actor.districtCode), eq(banEntries.source, 'imported')));
        const known = new Set(
          held.map((h) => entryKey({ ...h, issuingDistrict: h.issuingDistrict ?? actor.districtCode })),
        );
        const plan = planBanImport(file.entries, actor.districtCode, known);
        let added = 0;
        if (plan.add.length) {
          const inserted = await tx
            .insert(banEntries)
            .values(
              plan.add.map((e) => ({
                districtCode: actor.districtCode,
                id: uuidv7(ctx.now.getTime()),
                banHash: e.hash,
                fullName: null,
                role: e.role,
                relatedEntryId: null,
                reason: BAN_REASON_CATEGORY_LABELS[e.reasonCategory].zh,
                reasonCategory: e.reasonCategory,
                decisionRef: e.decisionRef,
                decisionDate: e.decisionDate,
                source: 'imported' as const,
                issuingDistrict: e.issuingDistrict,
                enteredBy: actor.userId,
                enteredAt: ctx.now,
              })),
            )
            .onConflictDoNothing()
            .returning({ id: banEntries.id });
          added = inserted.length;
        }
        await recordAudit(tx, ctx, {
          action: 'workforce.ban_import',
          objectType: 'workforce_ban_list',
          objectId: file.exportedBy,
          changes: {
            exportedBy: file.exportedBy,
            exportedAt: file.exportedAt,
            received: file.entries.length,
            added,
          },
        });
        const rescreenJobId = added
          ? await jobs.enqueue(tx, {
              districtCode: actor.districtCode,
              kind: RESCREEN_JOB,
              payload: { reason: `ban_import:${file.exportedBy}:${file.signature.slice(0, 16)}` },
              idempotencyKey: `ban-import:${file.signature}`,
              createdBy: actor.userId,
            })
          : null;
        return { received: file.entries.length, added, skipped: file.entries.length - added, rescreenJobId };
      });
    },
  };
}
