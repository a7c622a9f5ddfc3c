/**
 * TanStack Query keys, one tree per resource, in one place. Invalidate a resource with its `all`
 * key (`queryClient.invalidateQueries({ queryKey: keys.institutions.all })`); lists and details sit
 * below it so one call refreshes both.
 */
export const keys = {
  me: ['me'] as const,
  dashboard: ['dashboard'] as const,
  divisions: ['divisions'] as const,
  config: ['config'] as const,
  users: {
    all: ['users'] as const,
    list: (query: object) => ['users', 'list', query] as const,
  },
  audit: {
    all: ['audit'] as const,
    list: (query: object) => ['audit', 'list', query] as const,
    actors: ['audit', 'actors'] as const,
  },
  institutions: {
    all: ['institutions'] as const,
    list: (query: object) => ['institutions', 'list', query] as const,
    review: (query: object) => ['institutions', 'review', query] as const,
    detail: (id: string) => ['institutions', 'detail', id] as const,
  },
  imports: {
    run: (id: string) => ['institutions', 'import', id] as const,
  },
  calendar: ['calendar'] as const,
  jobs: {
    all: ['jobs'] as const,
    list: (query: object) => ['jobs', 'list', query] as const,
  },
  notifications: {
    all: ['notifications'] as const,
    unread: ['notifications', 'unread'] as const,
    list: (query: object) => ['notifications', 'list', query] as const,
  },
  // The business modules: each extends its own tree (lists and details below `all`).
  workforce: {
    all: ['workforce'] as const,
    staff: (query: object) => ['workforce', 'staff', query] as const,
    detail: (id: string) => ['workforce', 'detail', id] as const,
    compliance: (query: object) => ['workforce', 'compliance', query] as const,
    bans: (query: object) => ['workforce', 'bans', query] as const,
  },

  families: {
    all: ['families'] as const,
    communities: ['families', 'communities'] as const,
    healthWorkers: ['families', 'health-workers'] as const,
    list: (query: object) => ['families', 'list', query] as const,
    detail: (id: string) => ['families', 'detail', id] as const,
    visits: (query: object) => ['families', 'visits', query] as const,
    coverage: ['families', 'coverage'] as const,
    slots: (query: object) => ['families', 'slots', query] as const,
    bookings: ['families', 'bookings'] as const,
    applications: (query: object) => ['families', 'applications', query] as const,
    facilities: (query: object) => ['families', 'facilities', query] as const,
    facilityMap: ['families', 'facilities', 'map'] as const,
    stations: ['families', 'stations'] as const,
    sessions: (query: object) => ['families', 'sessions', query] as const,
    signups: (id: string) => ['families', 'signups', id] as const,
    history: (query: object) => ['families', 'history', query] as const,
  },

  supervision: {
    all: ['supervision'] as const,
    publicDraws: () => ['supervision', 'public', 'draws'] as const,
    publicDraw: (id: string) => ['supervision', 'public', 'draws', id] as const,
    drawPlans: () => ['supervision', 'draw-plans'] as const,
    inspections: (filter: string) => ['supervision', 'inspections', filter] as const,
    inspection: (id: string) => ['supervision', 'inspection', id] as const,
    rectifications: (filter: string) => ['supervision', 'rectifications', filter] as const,
    checklists: () => ['supervision', 'checklists'] as const,
  },

  quality: {
    all: ['quality'] as const,
    frameworks: ['quality', 'frameworks'] as const,
    rounds: ['quality', 'rounds'] as const,
    round: (id: string) => ['quality', 'rounds', id] as const,
    evaluations: (roundId?: string) => ['quality', 'evaluations', roundId ?? ''] as const,
    evaluation: (id: string) => ['quality', 'evaluation', id] as const,
    feedback: (participantId: string) => ['quality', 'feedback', participantId] as const,
    demonstration: (roundId?: string) => ['quality', 'demonstration', roundId ?? ''] as const,
    public: (institutionId: string) => ['quality', 'public', institutionId] as const,
  },

  plan: {
    all: ['plan'] as const,
    targets: (query: object) => ['plan', 'targets', query] as const,
    rows: (id: string, query: object) => ['plan', 'rows', id, query] as const,
    trend: (key: string) => ['plan', 'trend', key] as const,
    versions: ['plan', 'versions'] as const,
    versionTargets: (id: string) => ['plan', 'versions', id, 'targets'] as const,
    funding: (year: number) => ['plan', 'funding', year] as const,
    fundingVersions: ['plan', 'funding', 'versions'] as const,
    publicTable: (year: number) => ['plan', 'public', year] as const,
    circle: (query: object) => ['plan', 'circle', query] as const,
    news: (query: object) => ['plan', 'news', query] as const,
    publicNews: (query: object) => ['plan', 'public-news', query] as const,
    publicNewsItem: (id: string) => ['plan', 'public-news', id] as const,
  },

  exchange: {
    all: ['exchange'] as const,
    clients: (query: object) => ['exchange', 'clients', query] as const,
    licences: ['exchange', 'licences'] as const,
    licenceSummary: ['exchange', 'licences', 'summary'] as const,
    licenceChecks: (query: object) => ['exchange', 'licences', 'checks', query] as const,
  },

  publicInstitutions: {
    all: ['public-institutions'] as const,
    search: (query: object) => ['public-institutions', 'search', query] as const,
    map: (query: object) => ['public-institutions', 'map', query] as const,
    detail: (id: string) => ['public-institutions', 'detail', id] as const,
  },
};
