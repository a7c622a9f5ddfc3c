/**
 * Which requests may read on the replica (ADR 0031; the routing itself is server/db/replica.ts).
 *
 * - Every request runs inside a read-routing store that starts on the primary, so the policy hook's
 *   session lookup (a logout must end a session at once, not after the replica's lag) reads there.
 * - Before the handler, a GET/HEAD is let onto the replica when its client has no write the replica
 *   has not replayed yet: the client's last write position is the `tuoyu_lsn` cookie, set after every
 *   request that wrote (any non-GET, and a GET that wrote, e.g. an audited reveal). It works across
 *   server processes since the position is the primary's. It is not secret: a forged value only
 *   changes where that client reads. Clients without it (the portal's anonymous readers) read on the
 *   replica.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseLsn, type ReadRoutingStore, type ReplicaHandle, readRouting } from '../db/replica.ts';

export const LSN_COOKIE = 'tuoyu_lsn';
const SAFE = new Set(['GET', 'HEAD']);

declare module 'fastify' {
  interface FastifyRequest {
    readRouting: ReadRoutingStore | null;
  }
}

/** Whether this request may read on the replica: a safe method and the client's writes replayed. */
async function replicaAllowed(request: FastifyRequest, replica: ReplicaHandle): Promise<boolean> {
  if (!SAFE.has(request.method) || request.routeOptions.config?.primaryReads) return false;
  const replay = await replica.replayLsn();
  if (replay === null) return false; // down, or not a standby: the primary answers
  const mine = parseLsn(request.cookies[LSN_COOKIE]);
  return mine === null || replay >= mine;
}

/** Install the hooks; without a replica nothing is installed (every statement goes to the one pool). */
export function installReadRouting(app: FastifyInstance, replica: ReplicaHandle | undefined): void {
  if (!replica) return;
  app.decorateRequest('readRouting', null);
  // The store is entered in onRequest (before the policy hook) and again before the handler: a body's
  // parsing runs in the socket's async context, which would otherwise lose it for POST handlers.
  app.addHook('onRequest', (request, _reply, done) => {
    const store: ReadRoutingStore = { allowReplica: false, wrote: false };
    request.readRouting = store;
    readRouting.run(store, done);
  });
  app.addHook('preHandler', (request, _reply, done) => {
    const store = request.readRouting;
    if (!store) return done();
    replicaAllowed(request, replica).then(
      (allowed) => {
        store.allowReplica = allowed;
        readRouting.run(store, done);
      },
      () => readRouting.run(store, done),
    );
  });
  // After a write, the client learns the primary's position. A failure to ask leaves the old cookie
  // (the response itself never fails for it).
  app.addHook('onSend', async (request, reply, payload) => {
    const store = request.readRouting;
    if (!store || (SAFE.has(request.method) && !store.wrote)) return payload;
    const lsn = await replica.primaryLsn();
    if (lsn)
      reply.setCookie(LSN_COOKIE, lsn, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
      });
    return payload;
  });
}
