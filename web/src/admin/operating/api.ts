/** Typed calls of the operating subsidy (普惠托育运营补贴, issue 17; generated client). */
import { type BodyOf, http, type ResponseOf, unwrap } from '../../api/client.ts';

export type OperatingSettings = ResponseOf<'/api/v1/operating/settings', 'get'>;
export type OperatingRate = OperatingSettings['rates'][number];

export const operatingKey = ['operating'] as const;

export const operatingApi = {
  settings: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/operating/settings', { signal })),
  putSettings: (body: BodyOf<'/api/v1/operating/settings', 'put'>) =>
    unwrap(http.PUT('/api/v1/operating/settings', { body })),
  addRate: (body: BodyOf<'/api/v1/operating/rates', 'post'>) =>
    unwrap(http.POST('/api/v1/operating/rates', { body })),
};
