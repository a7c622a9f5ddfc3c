/** Department exchange's error codes (server/platform/errors.ts: typed catalogs). */
import { defineErrors } from '../../platform/errors.ts';

export const exchangeErrors = defineErrors('exchange', {
  'exchange.invalid_client': {
    status: 401,
    zh: '客户端身份验证失败（客户端编号或密钥错误、已停用或已过期）',
    en: 'Client authentication failed (unknown id, wrong secret, disabled or expired)',
  },
  'exchange.unsupported_grant_type': {
    status: 400,
    zh: 'grant_type 只支持 client_credentials',
    en: 'grant_type must be client_credentials',
  },
  'exchange.invalid_scope': {
    status: 400,
    zh: '所请求的 scope 超出该客户端的授权范围',
    en: 'The requested scope exceeds what the client was granted',
  },
  'exchange.invalid_token': {
    status: 401,
    zh: '访问令牌缺失、无效或已过期，请重新获取',
    en: 'The access token is missing, invalid or expired: request a new one',
  },
  'exchange.insufficient_scope': {
    status: 403,
    zh: '该客户端未获授权访问此接口',
    en: 'The client is not granted the scope this operation needs',
  },
  'exchange.rate_limited': {
    status: 429,
    zh: '该客户端请求过于频繁，请稍后再试',
    en: 'Too many requests from this client: try again shortly',
  },
  'exchange.not_found': { status: 404, zh: '未找到该接口客户端', en: 'API client not found' },
  'exchange.already_disabled': { status: 409, zh: '该客户端已停用', en: 'The client is already disabled' },
  'exchange.webhook_not_found': {
    status: 404,
    zh: '该客户端尚未设置推送地址',
    en: 'The client has no webhook',
  },
  'exchange.webhook_disabled': {
    status: 409,
    zh: '该推送已停用，请先重新设置推送地址',
    en: 'The webhook is disabled: set its URL again first',
  },
  'exchange.client_inactive': {
    status: 409,
    zh: '该客户端已停用或已过期，不能推送',
    en: 'The client is disabled or expired: nothing can be pushed to it',
  },
});

declare module '../../platform/errors.ts' {
  interface ErrorCatalogs {
    exchange: typeof exchangeErrors;
  }
}
