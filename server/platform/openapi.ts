/**
 * The OpenAPI document's rules, applied centrally to every route (no route writes them by hand):
 *
 * - operationId: `<module>.<name>` from the path (module = first segment after /api/v1; name: GET of a
 *   collection `list`, GET of `:id` `get`, POST of a collection `create`, PATCH `update`, PUT `set<Sub>`,
 *   any other static tail camelCased: `auth.login`, `institutions.reviewQueue`); OPERATION_ID_OVERRIDES
 *   names the rest. Unique (openapi.test.ts).
 * - security: `[]` for `public` routes, the session cookie for every other action.
 * - error responses (problem+json, `Problem`), by the route's declared policy and schema:
 *   400 when it validates input (params, query, body or an upload); 401 unless public; 403 for writes
 *   (cross-origin refusal), session routes (must change password) and role actions (forbidden);
 *   404 with path parameters; 414 on every route (request target too long); 409 when the body carries `version`; 413/415 for uploads; plus the status
 *   of every code listed below.
 * - error codes in the description: the platform codes of those statuses, and for writes the codes of
 *   the module's own catalog (`<module>.*`; `import.*` on import routes, `export.*` on exports), plus
 *   EXTRA_CODES for the few the rule cannot see (login's 401/423/429, the wrong current password).
 */
import { readFileSync } from 'node:fs';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ClientScope } from '../../domain/contracts/exchange.ts';
import { CLIENT, PUBLIC, SESSION } from '../../domain/contracts/permissions.ts';
import { errorCodes, errorDef } from './errors.ts';
import { EXAMPLES, OPERATION_ID_OVERRIDES, SUMMARIES, TAGS, type Words } from './openapi-texts.ts';

const EXTRA_CODES: Record<string, string[]> = {
  'auth.login': ['auth.invalid_credentials', 'auth.locked', 'auth.rate_limited'],
  'auth.changePassword': ['auth.wrong_password'],
  'system.health': ['database.unavailable'],
  'exchange.token': [
    'exchange.invalid_client',
    'exchange.unsupported_grant_type',
    'exchange.invalid_scope',
    'exchange.rate_limited',
  ],
};
/** What a department system's bearer-token route can answer besides its own codes. */
const CLIENT_CODES = ['exchange.invalid_token', 'exchange.insufficient_scope', 'exchange.rate_limited'];

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad request: invalid input / 请求无效',
  401: 'Not logged in / 未登录',
  403: 'Forbidden / 无权访问',
  404: 'Not found / 未找到',
  409: 'Conflict / 冲突',
  413: 'Payload too large / 文件过大',
  414: 'Request URL too long / 请求地址过长',
  415: 'Unsupported media type / 不支持的内容类型',
  423: 'Locked / 账号已锁定',
  429: 'Too many requests / 请求过于频繁',
};

const camel = (parts: string[]) =>
  parts
    .flatMap((p) => p.split('-'))
    .map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1)))
    .join('');

/** The module a route belongs to: the first path segment after /api/v1 (or /api). */
export function moduleOf(url: string): string {
  return url.replace(/^\/api\/(v1\/)?/, '').split('/')[0] ?? '';
}

/** The operationId of a route (see the rule above). */
export function operationIdFor(method: string, url: string): string {
  const override = OPERATION_ID_OVERRIDES[`${method} ${url}`];
  if (override) return override;
  const [module = '', ...rest] = url.replace(/^\/api\/(v1\/)?/, '').split('/');
  const statics = rest.filter((s) => !s.startsWith(':'));
  const lastIsParam = rest.at(-1)?.startsWith(':') ?? false;
  let name: string;
  if (method === 'GET')
    name = lastIsParam ? camel(['get', ...statics]) : statics.length ? camel(statics) : 'list';
  else if (method === 'PATCH') name = camel(['update', ...statics]);
  else if (method === 'PUT') name = camel(['set', ...statics]);
  else if (method === 'DELETE') name = camel(['delete', ...statics]);
  else name = statics.length ? camel(statics) : 'create';
  return `${module}.${name}`;
}

export interface RouteFacts {
  method: string;
  url: string;
  action: string | undefined;
  hasInput: boolean;
  hasVersion: boolean;
  upload: boolean;
}

/** The error codes a route can answer with, by the rule above (sorted, each once). */
export function errorCodesFor(f: RouteFacts, operationId: string): string[] {
  const write = f.method !== 'GET' && f.method !== 'HEAD';
  // Every route: a request target over MAX_URL_LENGTH (query string included) is refused first.
  const codes = new Set<string>(['request.uri_too_long']);
  if (f.hasInput || f.upload) codes.add('validation.failed').add('request.malformed');
  if (f.action === CLIENT) for (const c of CLIENT_CODES) codes.add(c);
  else if (f.action !== PUBLIC) codes.add('auth.unauthenticated').add('auth.must_change_password');
  if (write) codes.add('auth.cross_origin');
  if (f.action && f.action !== PUBLIC && f.action !== SESSION && f.action !== CLIENT)
    codes.add('auth.forbidden');
  if (f.url.includes('/:')) codes.add('not_found');
  if (f.hasVersion) codes.add('conflict.stale_version');
  if (f.upload) codes.add('payload.too_large').add('request.unsupported_media_type');
  // auth.* are the policy's own codes (listed above and in EXTRA_CODES), not a module catalog.
  if (write && moduleOf(f.url) !== 'auth') {
    const prefixes = [`${moduleOf(f.url)}.`];
    if (f.url.includes('/imports')) prefixes.push('import.');
    for (const code of errorCodes()) if (prefixes.some((p) => code.startsWith(p))) codes.add(code);
  }
  if (moduleOf(f.url) === 'exports') for (const c of errorCodes()) if (c.startsWith('export.')) codes.add(c);
  for (const c of EXTRA_CODES[operationId] ?? []) codes.add(c);
  return [...codes].sort();
}

function describe(words: Words | undefined, codes: string[]): string {
  const lines = words ? [`${words.zh}。`, ''] : [];
  if (codes.length) {
    lines.push('Error codes / 错误码 (problem+json `code`):', '');
    for (const c of codes)
      lines.push(`- \`${c}\` (${errorDef(c).status}): ${errorDef(c).en} / ${errorDef(c).zh}`);
  }
  return lines.join('\n');
}

type JsonObject = Record<string, unknown>;

/** zod emits an input twin of every registered schema (`ProblemInput`); drop the ones nothing references. */
function dropUnusedSchemas(doc: JsonObject) {
  const schemas = ((doc.components as JsonObject).schemas ?? {}) as JsonObject;
  for (const name of Object.keys(schemas)) {
    const { [name]: _self, ...others } = schemas;
    const text = JSON.stringify({
      ...doc,
      components: { ...(doc.components as JsonObject), schemas: others },
    });
    if (!text.includes(`"#/components/schemas/${name}"`)) delete schemas[name];
  }
}

/** `anyOf: [{}, …]` accepts anything (z.unknown().nullable()): say so with `{}` instead. */
function simplifyAnyOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplifyAnyOf);
  if (!node || typeof node !== 'object') return node;
  const obj = node as JsonObject;
  for (const [k, v] of Object.entries(obj)) obj[k] = simplifyAnyOf(v);
  const anyOf = obj.anyOf;
  if (Array.isArray(anyOf) && anyOf.some((s) => s && typeof s === 'object' && Object.keys(s).length === 0))
    delete obj.anyOf;
  return obj;
}
interface OperationFacts {
  statuses: number[];
  examples?: Record<string, { summary: string; value: unknown }>;
}

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The @fastify/swagger options: document header, and the transforms that apply the rules above. */
export function openapiOptions(): FastifyDynamicSwaggerOptions {
  const facts = new Map<string, OperationFacts>();
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tuoyu 托育 API',
        version,
        description:
          '青浦区托育服务管理平台接口。错误均为 RFC 9457 problem+json（`Problem`），含稳定的 `code` 与中英文说明。\n\n' +
          'The API of the Qingpu district childcare service platform. Every error is RFC 9457 problem+json ' +
          '(`Problem`) with a stable `code` and zh/en text. Log in with `auth.login`; the session cookie ' +
          '`tuoyu_sid` authorises the other operations.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
        // No URL or mailbox is invented here: the deploying district adds its own when it has one.
        contact: { name: 'Tuoyu platform maintainers / 托育平台维护团队' },
      },
      servers: [{ url: '/', description: 'This deployment (same origin) / 本部署' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tuoyu_sid' },
          // Other departments' systems (issue 15): registered by the security admin, short-lived tokens.
          departmentClient: {
            type: 'oauth2',
            description:
              'OAuth 2.0 client credentials for registered department systems / 已登记部门系统的客户端凭证',
            flows: {
              clientCredentials: {
                tokenUrl: '/api/v1/oauth/token',
                scopes: {
                  'institutions.read':
                    'Read the institution registry (allow-listed fields) / 读取机构登记信息',
                  'licences.write':
                    'Send business-licence records (market regulation) / 报送营业执照登记信息（市场监管）',
                } satisfies Record<ClientScope, string>,
              },
            },
          },
        },
      },
    },
    transform: (args) => {
      const out = jsonSchemaTransform(args);
      const { route, url } = args;
      const schema = out.schema as JsonObject;
      if (schema.hide || !url.startsWith('/api')) return out;
      const method = String(Array.isArray(route.method) ? route.method[0] : route.method);
      const operationId = operationIdFor(method, url);
      const action = route.config?.action;
      const body = schema.body as { properties?: JsonObject } | undefined;
      const upload = Array.isArray(schema.consumes) && schema.consumes.includes('multipart/form-data');
      const hasInput = Boolean(schema.body || schema.querystring || schema.params || url.includes('/:'));
      const codes = errorCodesFor(
        { method, url, action, hasInput, upload, hasVersion: Boolean(body?.properties?.version) },
        operationId,
      );
      const statuses = [...new Set(codes.map((c) => errorDef(c).status))].sort();
      const examples = EXAMPLES[operationId];
      const zodBody = (args.schema as { body?: z.ZodType }).body;
      for (const [name, ex] of Object.entries(examples ?? {}))
        if (!zodBody?.safeParse(ex.value).success)
          throw new Error(`example ${operationId}/${name} is invalid`);
      facts.set(operationId, { statuses, examples });
      const words = SUMMARIES[operationId];
      return {
        url: out.url,
        schema: {
          ...schema,
          operationId,
          summary: words?.en ?? operationId,
          description: describe(words, codes),
          tags: (schema.tags as string[] | undefined) ?? [moduleOf(url)],
          security:
            action === PUBLIC
              ? []
              : action === CLIENT
                ? [{ departmentClient: route.config?.clientScope ? [route.config.clientScope] : [] }]
                : [{ session: [] }],
        },
      };
    },
    transformObject: (args) => {
      const doc = jsonSchemaTransformObject(args) as JsonObject;
      const paths = (doc.paths ?? {}) as Record<string, Record<string, JsonObject>>;
      const used = new Set<number>();
      const tags = new Set<string>();
      for (const ops of Object.values(paths))
        for (const op of Object.values(ops)) {
          for (const t of (op.tags as string[] | undefined) ?? []) tags.add(t);
          const f = facts.get(String(op.operationId));
          if (!f) continue;
          const responses = (op.responses ?? {}) as JsonObject;
          for (const s of f.statuses) {
            responses[String(s)] = { $ref: `#/components/responses/Problem${s}` };
            used.add(s);
          }
          op.responses = responses;
          const json = (op.requestBody as { content?: Record<string, JsonObject> } | undefined)?.content?.[
            'application/json'
          ];
          if (json && f.examples) json.examples = f.examples;
        }
      const components = (doc.components ?? {}) as JsonObject;
      const responses: JsonObject = {};
      for (const s of [...used].sort())
        responses[`Problem${s}`] = {
          description: STATUS_NAMES[s] ?? `Error ${s}`,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      doc.components = { ...components, responses };
      dropUnusedSchemas(doc);
      simplifyAnyOf(doc);
      doc.tags = [...tags].sort().map((name) => ({ name, description: TAGS[name] ?? name }));
      return doc;
    },
  };
}
