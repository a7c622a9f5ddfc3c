/** The parent portal's calls to /api/v1/families and the session (typed from schema.gen.ts). */
import { type BodyOf, http, type ResponseOf, unwrap } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';

export type MyFamily = ResponseOf<'/api/v1/families/mine', 'get'>;
export type Application = ResponseOf<'/api/v1/families/applications', 'get'>['items'][number];
export type Slot = ResponseOf<'/api/v1/families/slots', 'get'>['items'][number];
export type Booking = ResponseOf<'/api/v1/families/bookings', 'get'>['items'][number];
export type ApplyBody = BodyOf<'/api/v1/families/applications', 'post'>;
export type GuidanceSession = ResponseOf<'/api/v1/families/guidance/sessions', 'get'>['items'][number];
export type GuidanceHistory = ResponseOf<'/api/v1/families/guidance/history', 'get'>;
export type PortalInstitution = ResponseOf<'/api/v1/public/institutions', 'get'>['items'][number];

const id = (value: string) => ({ path: { id: value } });

/** Query keys of the portal's family pages (under the module's `families` subtree). */
export const portalKeys = {
  all: [...keys.families.all, 'portal'] as const,
  mine: [...keys.families.all, 'portal', 'mine'] as const,
  applications: [...keys.families.all, 'portal', 'applications'] as const,
  slots: (from: string) => [...keys.families.all, 'portal', 'slots', from] as const,
  bookings: [...keys.families.all, 'portal', 'bookings'] as const,
  baobaowu: [...keys.families.all, 'portal', 'baobaowu'] as const,
  sessions: [...keys.families.all, 'portal', 'sessions'] as const,
  history: [...keys.families.all, 'portal', 'history'] as const,
  institutions: (form: string) => [...keys.families.all, 'portal', 'institutions', form] as const,
};

export const familyApi = {
  mine: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/families/mine', { signal })),
  withdrawConsent: (familyId: string, body: BodyOf<'/api/v1/families/{id}/consents/withdraw', 'post'>) =>
    unwrap(http.POST('/api/v1/families/{id}/consents/withdraw', { params: id(familyId), body })),
  giveConsent: (familyId: string, body: BodyOf<'/api/v1/families/{id}/consents', 'post'>) =>
    unwrap(http.POST('/api/v1/families/{id}/consents', { params: id(familyId), body })),
  applications: (signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/applications', { params: { query: { pageSize: 50 } }, signal })),
  apply: (body: ApplyBody) => unwrap(http.POST('/api/v1/families/applications', { body })),
  decide: (appId: string, action: 'accept' | 'decline', version: number) =>
    unwrap(
      http.POST('/api/v1/families/applications/{id}/transitions', {
        params: id(appId),
        body: { action, version },
      }),
    ),
  slots: (from: string, signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/slots', { params: { query: { from, pageSize: 50 } }, signal })),
  book: (slotId: string, childId: string, waitlist: boolean) =>
    unwrap(
      http.POST('/api/v1/families/slots/{id}/bookings', { params: id(slotId), body: { childId, waitlist } }),
    ),
  bookings: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/families/bookings', { signal })),
  /** Each child's 宝宝屋 free hours left this year (before booking). */
  baobaowuMine: (signal?: AbortSignal) => unwrap(http.GET('/api/v1/families/baobaowu/mine', { signal })),
  cancelBooking: (bookingId: string) =>
    unwrap(http.POST('/api/v1/families/bookings/{id}/cancel', { params: id(bookingId) })),
  /** Upcoming guidance sessions of the family's town and the district's activities. */
  sessions: (signal?: AbortSignal) =>
    unwrap(
      http.GET('/api/v1/families/guidance/sessions', {
        params: { query: { upcoming: 'true', status: 'scheduled', pageSize: 50 } },
        signal,
      }),
    ),
  signUp: (sessionId: string) =>
    unwrap(http.POST('/api/v1/families/guidance/sessions/{id}/signups', { params: id(sessionId), body: {} })),
  cancelSignup: (signupId: string) =>
    unwrap(http.POST('/api/v1/families/guidance/signups/{id}/cancel', { params: id(signupId) })),
  history: (signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/guidance/history', { params: { query: {} }, signal })),
  /** Operating institutions of the public registry offering a service form (for the preferences). */
  institutions: async (serviceForm: 'full_day' | 'half_day' | 'hourly', signal?: AbortSignal) => {
    const page = await unwrap(
      http.GET('/api/v1/public/institutions', {
        params: { query: { serviceForm, sort: 'name', pageSize: 100 } },
        signal,
      }),
    );
    // The registry also lists filed institutions not yet operating; only operating ones take applications.
    return page.items.filter((i) => i.status === 'operating');
  },
};

// — guardians' rights: export, correction and deletion requests —
export type FamilyExport = ResponseOf<'/api/v1/families/{id}/export', 'get'>;
export type FamilyRequest = ResponseOf<'/api/v1/families/requests', 'get'>['items'][number];
export type FamilyRequestBody = BodyOf<'/api/v1/families/requests', 'post'>;
export const rightsKeys = {
  requests: [...keys.families.all, 'portal', 'requests'] as const,
};
export const rightsApi = {
  /** The family's data (audited as an export on the server: fetched on demand, not on page load). */
  exportFamily: (familyId: string) =>
    unwrap(http.GET('/api/v1/families/{id}/export', { params: id(familyId) })),
  requests: (signal?: AbortSignal) =>
    unwrap(http.GET('/api/v1/families/requests', { params: { query: { pageSize: 50 } }, signal })),
  submit: (body: FamilyRequestBody) => unwrap(http.POST('/api/v1/families/requests', { body })),
};
