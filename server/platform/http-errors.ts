/**
 * The one place where errors become HTTP answers: RFC 9457 problem+json with a stable code,
 * zh-CN and en text, and field errors naming the field and the rule.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FieldError, Problem } from '../../domain/contracts/common.ts';
import { codeOfUniqueConstraint, DomainError, errorDef } from './errors.ts';

const zhError = z.locales.zhCN().localeError;
const enError = z.locales.en().localeError;

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

function localized(err: ReturnType<typeof zhError>): string {
  if (typeof err === 'string') return err;
  return err?.message ?? '';
}

/** One zod issue (as fastify-type-provider-zod passes it) → a field error in both languages. */
export function zodIssueToFieldError(item: ValidationItem, part: string): FieldError[] {
  const path = item.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const params = item.params ?? {};
  const issue = {
    code: item.keyword,
    ...params,
    path: path ? path.split('.') : [],
    message: item.message,
  } as never;
  const base = part === 'body' ? '' : `${part}.`;
  if (item.keyword === 'unrecognized_keys') {
    const keys = (params.keys as string[] | undefined) ?? [];
    return keys.map((k) => ({
      field: `${base}${path ? `${path}.` : ''}${k}`,
      rule: 'unknown_property',
      message_zh: `不允许的字段：${k}`,
      message_en: `Unknown property: ${k}`,
    }));
  }
  if (item.keyword === 'custom' && params.params && typeof params.params === 'object') {
    const p = params.params as { rule?: string; zh?: string; en?: string };
    if (p.rule && p.zh && p.en)
      return [{ field: `${base}${path}`, rule: p.rule, message_zh: p.zh, message_en: p.en }];
  }
  // Contracts may give a bilingual message "中文 / English" (e.g. a regex rule); it wins over zod's text.
  const bilingual = /^(.*[\u4e00-\u9fff].*?) \/ (.+)$/.exec(item.message ?? '');
  if (bilingual)
    return [
      {
        field: `${base}${path}` || part,
        rule: item.keyword,
        message_zh: bilingual[1]!,
        message_en: bilingual[2]!,
      },
    ];
  const missing = item.keyword === 'invalid_type' && /received undefined/.test(item.message ?? '');
  return [
    {
      field: `${base}${path}` || part,
      rule: missing ? 'required' : item.keyword,
      message_zh: missing ? '必填' : localized(zhError(issue)) || (item.message ?? ''),
      message_en: missing ? 'Required' : localized(enError(issue)) || (item.message ?? ''),
    },
  ];
}

/** Build a problem body for a code. */
export function problem(
  code: string,
  extra: Partial<Problem> = {},
  detail?: { zh?: string; en?: string },
): Problem {
  const def = errorDef(code);
  const zh = detail?.zh ? `${def.zh}：${detail.zh}` : def.zh;
  const en = detail?.en ? `${def.en}: ${detail.en}` : def.en;
  return {
    type: `https://tuoyu.example/problems/${code}`,
    title: def.en,
    status: def.status,
    code,
    detail: `${zh} / ${en}`,
    detail_zh: zh,
    detail_en: en,
    ...extra,
  };
}

/** Client errors raised by Fastify itself that have a code of their own. */
const STATUS_CODES: Record<number, string> = {
  414: 'request.uri_too_long',
  415: 'request.unsupported_media_type',
  431: 'request.headers_too_large',
};

function send(reply: FastifyReply, body: Problem) {
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * A database connection failure rather than a failing statement: a socket error, PostgreSQL's class 08
 * (connection exception) or 57P01–57P03 (shut down, crashed, not accepting connections yet), or
 * node-postgres' "Connection terminated" (no code). Drizzle wraps the driver's error in `cause`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    i++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)) return true;
    if (typeof e.message === 'string' && /^Connection terminated/.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Register the error handler (the not-found handler lives with the web fallback in app.ts). */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      const body = problem(
        error.code,
        {
          ...(error.options.errors ? { errors: error.options.errors } : {}),
          ...(error.options.allowed ? { allowed: error.options.allowed } : {}),
        },
        { zh: error.options.detailZh, en: error.options.detailEn },
      );
      return send(reply, body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = (error as FastifyError).validationContext ?? 'body';
      const errors = (error.validation as unknown as ValidationItem[]).flatMap((v) =>
        zodIssueToFieldError(v, part),
      );
      return send(reply, problem('validation.failed', { errors }));
    }
    const fe = error as FastifyError;
    if (
      fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
      fe.code === 'FST_REQ_FILE_TOO_LARGE' ||
      fe.statusCode === 413
    )
      return send(reply, problem('payload.too_large'));
    const own = fe.statusCode ? STATUS_CODES[fe.statusCode] : undefined;
    if (own) return send(reply, problem(own));
    if (fe.statusCode === 400 && fe.code === 'FST_ERR_BAD_URL')
      return send(reply, problem('request.bad_url'));
    if (fe.statusCode === 400 && fe.code?.startsWith('FST_ERR_CTP')) {
      // Malformed JSON, an empty JSON body and the like: a 400 that names the body.
      return send(
        reply,
        problem('validation.failed', {
          errors: [
            {
              field: 'body',
              rule: fe.code ?? 'malformed',
              message_zh: '请求格式错误',
              message_en: fe.message,
            },
          ],
        }),
      );
    }
    // Any other client error gets its own problem code, never `validation.failed`.
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
      return send(reply, problem('request.malformed', { status: fe.statusCode }));
    const pgError =
      (error as { code?: string }).code === '23505' ? error : (error as { cause?: unknown }).cause;
    if ((pgError as { code?: string } | undefined)?.code === '23505') {
      const code = codeOfUniqueConstraint((pgError as { constraint?: string }).constraint);
      return send(reply, problem(code ?? 'conflict.duplicate'));
    }
    if (isDatabaseUnavailable(error)) {
      // The database is restarting or unreachable: the pool reconnects by itself once it is back, so
      // the client is told to retry (503 + Retry-After), and /api/health reports the outage meanwhile.
      request.log.warn({ err: safeErrorForLog(error) }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(reply, problem('database.unavailable'));
    }
    request.log.error({ err: safeErrorForLog(error) }, 'unhandled error');
    return send(reply, problem('internal'));
  });
}

/**
 * What of an unexpected error may be logged: names, codes and the stack frames, never the message of a
 * database error (drizzle puts the query parameters, which may be personal data, into it).
 */
export function safeErrorForLog(error: unknown): Record<string, unknown> {
  const e = error as {
    name?: string;
    code?: string;
    stack?: string;
    cause?: { code?: string; constraint?: string };
  };
  const frames = (e.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at '));
  return {
    name: e.name,
    code: e.code,
    causeCode: e.cause?.code,
    constraint: e.cause?.constraint,
    frames: frames.slice(0, 8),
  };
}

/**
 * The HTTP parser's own errors (before Fastify sees a request): a problem+json answer on the raw
 * socket, then close it. 431 for oversized headers (or a request line past Node's limit), 408 for a
 * timeout, 400 otherwise.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'request.headers_too_large'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'request.timeout'
        : 'request.malformed';
  const body = JSON.stringify(problem(code));
  const status = errorDef(code).status;
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Bad Request'}\r\nContent-Type: application/problem+json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};
