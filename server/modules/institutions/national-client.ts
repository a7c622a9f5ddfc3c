/**
 * The outbound adapter to the national filing system (docs/filing-sync.md, "JSON format"): POST a record
 * to `${NATIONAL_FILING_URL}/records` with the record id as the idempotency key, read a stored record back
 * from `${NATIONAL_FILING_URL}/records/<recordId>` to compare. The egress guard is the webhooks' one
 * (platform/probe-network.ts): the address is checked on every request (every DNS answer allowed, then
 * pinned), no credentials in the URL, https unless plain http is allowed for development, no redirects.
 *
 * Not configured (no NATIONAL_FILING_URL) → `nationalFilingConfig` answers null: sync is off, and nothing
 * may be queued for it. The queue, retries with backoff on the jobs kit and the per-institution status
 * are in national-sync.ts.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { NationalRecord } from '../../../domain/institutions/national-filing.ts';
import { type ProbeNetworks, webhookAddress, webhookLiteralRefused } from '../../platform/probe-network.ts';

export const NATIONAL_TIMEOUT_MS = 10_000;
/** The largest answer read from the national side (a record is a few kB). */
const MAX_ANSWER_BYTES = 256 * 1024;

export interface NationalClientConfig {
  url: URL;
  networks: ProbeNetworks;
  /** Plain http (development and tests: the loopback fake), as WEBHOOK_ALLOW_HTTP. */
  allowHttp: boolean;
  timeoutMs?: number;
}

/**
 * NATIONAL_FILING_URL → the client's configuration, or null when unset (sync off). A URL the egress guard
 * refuses stops the start naming the variable, as the other variables do.
 */
export function nationalFilingConfig(
  raw: string | undefined,
  networks: ProbeNetworks,
  allowHttp: boolean,
): NationalClientConfig | null {
  if (!raw?.trim()) return null;
  const bad = (why: string) => new Error(`NATIONAL_FILING_URL ${why} (got "${raw}")`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw bad('不是有效的地址 / is not a valid URL');
  }
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && allowHttp)))
    throw bad('必须以 https:// 开头 / must start with https://');
  if (url.username || url.password) throw bad('不能包含用户名或密码 / must not carry credentials');
  if (webhookLiteralRefused(url.hostname, networks))
    throw bad('指向本机或内部网段 / points at the host or a private network');
  return { url, networks, allowHttp };
}

/** What one POST came to. `retry`: nothing known was stored, try again later; `rejected`: do not retry. */
export type SendOutcome =
  | { kind: 'accepted'; status: number }
  | { kind: 'rejected'; status: number; field: string | null; message: string }
  | { kind: 'retry'; reason: 'timeout' | 'network_error' | 'http_error' | 'refused'; status: number | null };

interface Answer {
  status: number | null;
  body: string;
  failure?: 'timeout' | 'network_error' | 'refused';
}

/** One request at a checked, pinned address; the answer's body is read up to MAX_ANSWER_BYTES. */
async function call(
  cfg: NationalClientConfig,
  method: 'GET' | 'POST',
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const u = new URL(`${cfg.url.pathname.replace(/\/$/, '')}${path}`, cfg.url);
  const target =
    u.protocol === 'https:' || (u.protocol === 'http:' && cfg.allowHttp)
      ? await webhookAddress(u.hostname, cfg.networks)
      : null;
  if (!target) return { status: null, body: '', failure: 'refused' };
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(a);
    };
    const timer = setTimeout(
      () => done({ status: null, body: '', failure: 'timeout' }),
      cfg.timeoutMs ?? NATIONAL_TIMEOUT_MS,
    );
    const req = send(
      u,
      {
        method,
        lookup: pinned,
        agent: false,
        headers: {
          accept: 'application/json',
          'user-agent': 'tuoyu-filing-sync/1',
          ...(body == null
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_ANSWER_BYTES) done({ status: res.statusCode ?? 0, body: '' });
          else chunks.push(c);
        });
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', () => done({ status: null, body: '', failure: 'network_error' }));
      },
    );
    req.on('error', () => done({ status: null, body: '', failure: 'network_error' }));
    req.end(body);
  });
}

function parse(body: string): Record<string, unknown> {
  try {
    const v = JSON.parse(body);
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

export function createNationalClient(cfg: NationalClientConfig) {
  return {
    /** POST one record; the same record id twice is one record on the national side (409 counts as accepted). */
    async send(record: NationalRecord): Promise<SendOutcome> {
      const a = await call(cfg, 'POST', '/records', JSON.stringify({ record }), {
        'idempotency-key': record.recordId,
      });
      if (a.failure) return { kind: 'retry', reason: a.failure, status: null };
      const status = a.status ?? 0;
      if ((status >= 200 && status < 300) || status === 409) return { kind: 'accepted', status };
      if (status === 400 || status === 422) {
        const p = parse(a.body);
        return {
          kind: 'rejected',
          status,
          field: typeof p.field === 'string' ? p.field.slice(0, 64) : null,
          message: typeof p.message === 'string' ? p.message.slice(0, 500) : `HTTP ${status}`,
        };
      }
      return { kind: 'retry', reason: 'http_error', status };
    },
    /** The record as the national side stores it, null when it has none, undefined when it could not answer. */
    async fetchStored(recordId: string): Promise<Partial<NationalRecord> | null | undefined> {
      const a = await call(cfg, 'GET', `/records/${encodeURIComponent(recordId)}`);
      if (a.failure || a.status == null) return undefined;
      if (a.status === 404) return null;
      if (a.status !== 200) return undefined;
      const rec = parse(a.body).record;
      if (!rec || typeof rec !== 'object') return undefined;
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(rec)) if (typeof v === 'string') out[k] = v;
      return out as Partial<NationalRecord>;
    },
  };
}
export type NationalClient = ReturnType<typeof createNationalClient>;
