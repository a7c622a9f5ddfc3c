/**
 * The replica routing's pure rules (server/db/replica.ts, ADR 0031): which statement is a write, how a
 * WAL position compares, and after which errors the primary is asked instead. The routing itself is
 * proven on two real clusters in replica.test.ts (PostgreSQL pass only); these run on both passes.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isWriteStatement, parseLsn, replicaShouldYield } from '../replica.ts';

const dbError = (code: string) => Object.assign(new pg.DatabaseError('x', 1, 'error'), { code });

describe('replica routing rules', () => {
  it('a write is recognised by its text, a read (also FOR UPDATE, which the replica refuses) is not', () => {
    for (const w of [
      'insert into "institutions" ("id") values ($1)',
      'update "institutions" set "name" = $1 where "id" = $2',
      'delete from "sessions" where "id" = $1',
      'with x as (insert into "audit_log" ("a") values ($1) returning *) select * from x',
      'INSERT INTO t VALUES (1)',
    ])
      expect(isWriteStatement(w), w).toBe(true);
    for (const r of [
      'select "id", "name" from "institutions" where "district_code" = $1',
      'select id from institutions where id = $1 for update',
      'select updated_at, deleted_from from t',
    ])
      expect(isWriteStatement(r), r).toBe(false);
  });

  it('WAL positions X/Y compare as numbers; anything else is no position', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    expect(parseLsn('A/10')).toBe((10n << 32n) + 16n);
    for (const bad of [undefined, null, '', '16B3748', '0/16B3748; x', 'G/1', '123456789/0'])
      expect(parseLsn(bad)).toBeNull();
  });

  it('the primary is asked after a refused write, a recovery conflict or an unreachable replica; not after the statement’s own error', () => {
    expect(replicaShouldYield(dbError('25006'))).toBe('refused');
    expect(replicaShouldYield(dbError('40001'))).toBe('refused');
    for (const c of ['08006', '57P01', '57P03', '53300'])
      expect(replicaShouldYield(dbError(c)), c).toBe('unreachable');
    for (const code of ['ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'])
      expect(replicaShouldYield(Object.assign(new Error('x'), { code })), code).toBe('unreachable');
    expect(replicaShouldYield(new Error('Connection terminated unexpectedly'))).toBe('unreachable');
    for (const c of ['22P02', '42601', '57014']) expect(replicaShouldYield(dbError(c)), c).toBeNull();
    expect(replicaShouldYield(new TypeError('bad parameter'))).toBeNull();
  });
});
