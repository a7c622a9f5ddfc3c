/**
 * Load and soak (issue 15): the real server (`server/main.ts`, a child process, NODE_ENV=production so
 * load shedding is on as in a deployment) on a PostgreSQL database of its own with the demo district,
 * under a mixed workload at a fixed rate — public search and pages, officers' console lists, an
 * institution's writes — from autocannon on loopback. Prints the error share, p50/p95/p99 latency and
 * the server's resident memory sampled through the run; exits 1 when errors reach 0.1 % or a response
 * is not what the route answers (a benchmark exits 1 only on a wrong answer; latency is printed).
 *
 * The assumed peak (bench/README.md, "load.ts"): Shanghai ≈ 16 districts, ≈ 300,000 families with a
 * child under 3 (≈ 100,000 births a year), ≈ 2,100 institutions and ≈ 300 officers. Enrolment season:
 * 20 % of families use the portal in the peak month, 10 pages each, over 30 days × 8 busy hours →
 * ≈ 0.7 req/s, × 5 for the busiest hour ≈ 3.5 req/s public; console: 2,400 staff/officers, 10 % at
 * work at once, one request every 10 s ≈ 24 req/s; writes ≈ 10 % of console. Peak ≈ 30 req/s for all
 * of Shanghai on one deployment; the load runs at 5× that, 150 req/s.
 *
 * Run: node --import tsx bench/load.ts
 *   LOAD_RATE (req/s, default 150), LOAD_SECONDS (default 60), LOAD_SOAK_SECONDS (default 600: the soak
 *   after the load at the same rate, memory sampled every 5 s), BENCH_DATABASE_URL.
 */
import {
  addRosterChild,
  demoInstitutionClass,
  getJson,
  login,
  rssMb,
  startBenchServer,
} from './server-process.ts';

const RATE = Number(process.env.LOAD_RATE ?? 150);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const SOAK_SECONDS = Number(process.env.LOAD_SOAK_SECONDS ?? 600);

interface AutocannonRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}
interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', f: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (o: {
  url: string;
  connections: number;
  duration: number;
  overallRate: number;
  requests: AutocannonRequest[];
}) => AutocannonInstance;
// autocannon ships no types.
const autocannon = (await import('autocannon' as string)).default as Autocannon;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** The workload: one cycle of 20 requests, 11 public, 7 console reads, 2 writes (≈ the assumed mix). */
async function workload(url: string): Promise<AutocannonRequest[]> {
  const district = await login(url, 'district');
  const town = await login(url, 'town-zhujiajiao');
  const { cookie: inst, classId } = await demoInstitutionClass(url);
  // The register's roster: the load's writes tick a day's attendance (replace the day: idempotent).
  const roster = await getJson<{ children: { id: string }[] }>(
    url,
    `/api/v1/operating/classes/${classId}/roster`,
    inst,
  );
  let children = roster.children.map((c) => c.id);
  for (let i = children.length; i < 8; i++) {
    const r = await addRosterChild(url, { cookie: inst, classId }, `负载${i}号`, '2024-05');
    if (r.status !== 201) throw new Error(`roster: ${r.status} ${await r.text()}`);
    children = [...children, ((await r.json()) as { id: string }).id];
  }
  // The last working day the register accepts: tried with the load's own (idempotent) write.
  let day = '';
  for (let back = 1; back < 20 && !day; back++) {
    const d = new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
    const r = await fetch(`${url}/api/v1/operating/classes/${classId}/attendance/${d}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: inst },
      body: JSON.stringify({ present: children.slice(0, 6) }),
    });
    if (r.ok) day = d;
  }
  if (!day) throw new Error('no working day in the last 20 days the register accepts');
  const pub = await getJson<{ items: { id: string }[] }>(url, '/api/v1/public/institutions?pageSize=20');
  const ids = pub.items.map((i) => i.id);
  const json = { 'content-type': 'application/json' };
  const write = (present: string[]): AutocannonRequest => ({
    method: 'PUT',
    path: `/api/v1/operating/classes/${classId}/attendance/${day}`,
    headers: { ...json, cookie: inst },
    body: JSON.stringify({ present }),
  });
  return [
    { path: '/api/v1/public/institutions?lat=31.15&lng=121.12&sort=distance&pageSize=20' },
    { path: `/api/v1/public/institutions/${ids[0]}` },
    { path: '/api/v1/public/institutions?q=%E9%9D%92%E6%B5%A6&sort=name&pageSize=20' },
    { path: '/api/v1/institutions?page=1&pageSize=20', headers: { cookie: district } },
    {
      path: '/api/v1/public/institutions?lat=31.11&lng=121.05&sort=distance&serviceForm=full_day&pageSize=20&page=2',
    },
    { path: `/api/v1/public/institutions/${ids[3 % ids.length]}` },
    { path: '/api/v1/workforce/staff?page=1&pageSize=20', headers: { cookie: district } },
    write(children.slice(0, 6)),
    { path: '/api/v1/public/plan' },
    { path: '/api/v1/supervision/inspections?status=signed', headers: { cookie: town } },
    { path: '/api/v1/public/institutions?inclusiveOnly=true&ageMonths=24&pageSize=20' },
    { path: '/api/v1/dashboard', headers: { cookie: district } },
    { path: '/api/v1/public/news' },
    { path: `/api/v1/public/institutions/${ids[7 % ids.length]}` },
    { path: '/api/v1/families/visits/coverage', headers: { cookie: town } },
    { path: '/api/v1/public/institutions?lat=31.2&lng=121.1&sort=distance&pageSize=20' },
    write(children.slice(2, 8)),
    { path: '/api/v1/notifications/unread-count', headers: { cookie: district } },
    { path: '/api/v1/public/supervision/draws' },
    { path: '/api/v1/public/institutions?q=%E6%9C%B1%E5%AE%B6%E8%A7%92&pageSize=20' },
  ];
}

async function run(url: string, requests: AutocannonRequest[], seconds: number, pid: number) {
  const latencies: number[] = [];
  const rss: { t: number; mb: number }[] = [];
  const t0 = Date.now();
  const sampler = setInterval(() => rss.push({ t: (Date.now() - t0) / 1000, mb: rssMb(pid) }), 5000);
  const inst = autocannon({ url, connections: 20, duration: seconds, overallRate: RATE, requests });
  inst.on('response', (_c, _s, _b, ms) => latencies.push(ms));
  const r = await inst;
  clearInterval(sampler);
  rss.push({ t: (Date.now() - t0) / 1000, mb: rssMb(pid) });
  const bad = r.errors + r.timeouts + r.non2xx;
  return { r, latencies, rss, bad, total: r.requests.total + r.errors + r.timeouts };
}

let failed = false;
let server: Awaited<ReturnType<typeof startBenchServer>> | undefined;
try {
  server = await startBenchServer('load');
  const { url } = server;
  const pid = server.child.pid as number;
  const requests = await workload(url);
  // Every request of the cycle, before the load: each must answer 2xx (a wrong workload is not a load).
  // Three rounds one at a time; the median per route says which routes a slow mix waits on.
  const single = new Map<string, number[]>();
  for (let round = 0; round < 3; round++)
    for (const q of requests) {
      const key = `${q.method ?? 'GET'} ${q.path.split('?')[0]}${q.path.includes('?') ? '?…' : ''}`;
      const t0 = performance.now();
      const r = await fetch(`${url}${q.path}`, {
        method: q.method ?? 'GET',
        headers: q.headers,
        body: q.body,
      });
      if (!r.ok) throw new Error(`preflight ${q.method ?? 'GET'} ${q.path}: ${r.status} ${await r.text()}`);
      await r.arrayBuffer();
      single.set(key, [...(single.get(key) ?? []), performance.now() - t0]);
    }
  console.log('one request at a time (median of 3, ms), slowest first:');
  for (const [key, ms] of [...single].sort((a, b) => pct(b[1], 50) - pct(a[1], 50)))
    console.log(`  ${pct(ms, 50).toFixed(0).padStart(6)}  ${key.replace(/[0-9a-f-]{36}/g, ':id')}`);
  console.log(
    `workload: ${requests.length} requests a cycle (public search and pages, console lists, 2 attendance writes), ${RATE} req/s, 20 connections`,
  );

  for (const [phase, seconds] of [
    ['load', SECONDS],
    ['soak', SOAK_SECONDS],
  ] as const) {
    if (seconds <= 0) continue;
    const { r, latencies, rss, bad, total } = await run(url, requests, seconds, pid);
    const share = total ? bad / total : 1;
    console.log(
      `\n${phase} ${seconds} s: ${r.requests.total} responses (${(r.requests.total / seconds).toFixed(0)} req/s), errors ${bad} (${(share * 100).toFixed(3)} %: ${r.non2xx} non-2xx, ${r.errors} socket errors, ${r.timeouts} timeouts)`,
    );
    const codes = Object.entries(r.statusCodeStats)
      .map(([c, v]) => `${c}×${v.count}`)
      .join(' ');
    console.log(`  status codes: ${codes}`);
    console.log(
      `  latency ms: p50 ${pct(latencies, 50).toFixed(0)}, p95 ${pct(latencies, 95).toFixed(0)}, p99 ${pct(latencies, 99).toFixed(0)}, max ${pct(latencies, 100).toFixed(0)}`,
    );
    const mbs = rss.map((s) => s.mb);
    console.log(
      `  server RSS MB (every 5 s): ${rss.map((s) => s.mb.toFixed(0)).join(' ')}; first ${mbs[0]?.toFixed(0)}, max ${Math.max(...mbs).toFixed(0)}, last ${mbs.at(-1)?.toFixed(0)}`,
    );
    if (rss.length >= 12) {
      // Plateau: the median of the last quarter of the samples against that of the second quarter.
      const q = Math.floor(rss.length / 4);
      const mid = pct(mbs.slice(q, 2 * q), 50);
      const end = pct(mbs.slice(3 * q), 50);
      const growth = (end - mid) / mid;
      console.log(
        `  memory: median ${mid.toFixed(0)} MB in the second quarter, ${end.toFixed(0)} MB in the last (${(growth * 100).toFixed(1)} %) — ${growth < 0.1 ? 'a plateau' : 'still growing'}`,
      );
    }
    if (share >= 0.001) {
      failed = true;
      console.log(`  FAILED: errors ${(share * 100).toFixed(3)} % (must stay under 0.1 %)`);
    }
  }
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await server?.close();
}
process.exit(failed ? 1 : 0);
