/**
 * The service under load on loopback: a clinician's calendar feed (GET /feeds/<token>.ics) at a
 * fixed rate, and the same feed asked conditionally (If-None-Match → 304).
 *
 *   npm run bench -- api
 *
 * For each database (embedded PGlite in a temporary folder; PostgreSQL at TEST_DATABASE_URL in
 * a fresh database, skipped when the server does not answer) the service is started as
 * `npm start` runs it (src/main.ts, a child process of its own, demo centre loaded, LOG_LEVEL=warn
 * so the request log does not write a line per request), two weekdays of the demo rota are
 * planned through the API (plan jobs, 8 patients each) and published, and a staff feed token is
 * issued for the clinician with the most activities. Each kind of read (the full feed, then
 * the same with If-None-Match: 304) gets a 5 s warm-up, then two 20 s runs at 200 requests/s
 * over at most 10 keep-alive connections:
 * - paced (bench/lib/paced-load.ts, in a process of its own): one request every 5 ms, open loop,
 *   latency from the moment each is issued. This is the target's row: subscribers' reads arrive
 *   spread out.
 * - autocannon (in this process) with overallRate 200: its rate is a per-second budget per
 *   connection, so each second starts with all 10 connections sending their 20 requests back to
 *   back (a burst of 200 at concurrency 10), then nothing until the next second; its p99 is that
 *   of a 10-deep queue, about 10 service times. Kept for comparison with earlier runs.
 * Both clients share the machine's 2 cores with the service (and a PostgreSQL server): their CPU
 * per request is reported beside the service's. Every request is a real read: the service checks
 * that nothing the feed is built from has changed (after the warm-up it knows the token and hears
 * the database's changes — PGlite, or a PostgreSQL LISTEN connection — so no query; without that,
 * one primary-key read of the feed stamp) and the read's audit entry is recorded (stored with the
 * others of its ~50 ms in one insert); after the service has shut down the audit log must hold an
 * entry per answer.
 * Around each run the bench scrapes the service's /metrics (an admin token through
 * ICC_ADMIN_TOKEN): its event-loop delay and GC pauses during the run are reported beside the
 * latencies, the service thread's stalls seen from inside, apart from the load generator's and
 * the machine's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { demoTokenSecrets } from '../../src/auth/demo-tokens.ts';
import { createDatabase } from '../../src/db/create-database.ts';
import type { BenchRow, BenchSuite } from '../lib/types.ts';
import type { PacedLoadOptions, PacedLoadResult } from '../lib/paced-load.ts';

const PORT = 3018;
const RATE = 200;
const CONNECTIONS = 10;
const DURATION_S = 20;
const WARM_UP_S = 5;
const FEED_P99_TARGET_MS = 20;
const NOT_MODIFIED_P99_TARGET_MS = 5;
const PATIENTS_PER_DAY = 8;
const DAYS = 2;
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const base = `http://127.0.0.1:${PORT}`;
/** An admin token for the service's /metrics (ICC_ADMIN_TOKEN): its event-loop delay and GC pauses during each run. */
const ADMIN_SECRET = `icc_bench_admin_${randomBytes(16).toString('hex')}`;
const coordinator = { authorization: `Bearer ${demoTokenSecrets.coordinator}`, 'content-type': 'application/json' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET', headers: { ...coordinator, ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T, headers: res.headers };
}

/** Starts src/main.ts with `env` and waits until /health answers. */
async function startService(env: Record<string, string>, log: (line: string) => void): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', ICC_DEMO_TOKENS: '1', ICC_ADMIN_TOKEN: ADMIN_SECRET, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const deadline = performance.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}): ${stderr.slice(-2000)}`);
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error('the service did not answer /health within 180 s');
    await sleep(250);
  }
  log('service up');
  return child;
}

async function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(20_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Plans and publishes DAYS weekdays from tomorrow on (the demo rota's), returns the feed URL of the busiest clinician. */
async function publishDemoDays(log: (line: string) => void): Promise<string> {
  const me = await api<{ centreId: string }>('/api/tokens/me');
  const centreId = me.body.centreId;
  const everyone = (await api<Array<{ id: string; unavailableDates: string[] }>>(`/api/centres/${centreId}/patients`)).body;
  const activitiesByStaff = new Map<string, number>();
  let published = 0;
  for (let ahead = 1; ahead <= 12 && published < DAYS; ahead++) {
    const day = new Date(Date.now() + ahead * 86_400_000);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    const date = isoDate(day);
    const patientIds = everyone.filter((p) => !p.unavailableDates.includes(date)).slice(published * PATIENTS_PER_DAY, (published + 1) * PATIENTS_PER_DAY).map((p) => p.id);
    const job = await api<{ id: string }>(`/api/centres/${centreId}/plan-jobs`, { method: 'POST', body: { date, patientIds, timeLimitSec: 3, seed: 1 } });
    if (job.status !== 202) { log(`${date}: not plannable (${job.status})`); continue; }
    let status = 'queued';
    while (status === 'queued' || status === 'running') {
      await sleep(500);
      status = (await api<{ status: string }>(`/api/centres/${centreId}/plan-jobs/${job.body.id}`)).body.status;
    }
    if (status !== 'succeeded') { log(`${date}: plan job ${status}`); continue; }
    const plan = await api<{ plan: { activities: Array<{ staffId?: string }> } }>(`/api/centres/${centreId}/days/${date}/plan`);
    const publish = await api(`/api/centres/${centreId}/days/${date}/plan/publish`, { method: 'POST', headers: { 'if-match': plan.headers.get('etag')! } });
    if (publish.status !== 200) throw new Error(`publishing ${date} answered ${publish.status}`);
    for (const a of plan.body.plan.activities) if (a.staffId) activitiesByStaff.set(a.staffId, (activitiesByStaff.get(a.staffId) ?? 0) + 1);
    published++;
    log(`${date}: planned and published`);
  }
  if (published === 0) throw new Error('no demo day could be planned');
  const staffId = [...activitiesByStaff.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const token = await api<{ url: string }>(`/api/centres/${centreId}/feed-tokens`, { method: 'POST', body: { kind: 'staff', ownerId: staffId } });
  if (token.status !== 201) throw new Error(`issuing the feed token answered ${token.status}`);
  return token.body.url;
}

function cannon(url: string, headers: Record<string, string>, durationS: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: CONNECTIONS, overallRate: RATE, duration: durationS }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_S = 100;

/**
 * CPU seconds (user + system) the service process has used so far, from /proc (Linux), or null.
 * Unlike wall-clock latency this barely moves with the load other processes put on the machine:
 * it is the work each read costs the service (PGlite's included, as it runs in the process;
 * a PostgreSQL server's own work is not).
 */
function processCpuS(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // After "pid (comm) ": state is field 3, utime field 14, stime field 15 (1-based).
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return null;
  }
}

/**
 * The service's own view of a run, from its /metrics (prom-client's default metrics): the
 * event loop's delay (monitorEventLoopDelay, 10 ms resolution, reset by each scrape, so a scrape
 * before the run starts its window) and the garbage collector's pauses. A stall of the service
 * thread — a PGlite query, a collection, a poller's query, or the machine's other processes
 * holding the CPU — shows here whatever the load generator measured.
 */
interface ServiceLoop {
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  gcPauses: number;
  gcMs: number;
}

async function scrapeService(): Promise<{ lagP99S: number; lagMaxS: number; gcCount: number; gcSumS: number }> {
  const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${ADMIN_SECRET}` } })).text();
  const sum = (pattern: RegExp) => [...text.matchAll(pattern)].reduce((total, m) => total + Number(m[1]), 0);
  return {
    lagP99S: sum(/^icc_nodejs_eventloop_lag_p99_seconds(?:\{[^}]*\})? (\S+)$/gm),
    lagMaxS: sum(/^icc_nodejs_eventloop_lag_max_seconds(?:\{[^}]*\})? (\S+)$/gm),
    gcCount: sum(/^icc_nodejs_gc_duration_seconds_count(?:\{[^}]*\})? (\S+)$/gm),
    gcSumS: sum(/^icc_nodejs_gc_duration_seconds_sum(?:\{[^}]*\})? (\S+)$/gm),
  };
}

/**
 * prom-client samples the loop with a 10 ms timer (its default eventLoopMonitoringPrecision, as
 * src/metrics.ts leaves it) and reports the time between the timer's callbacks: an idle loop
 * reads 10 ms. Subtracted, what is left is how late the service thread ran the timer.
 */
const LOOP_SAMPLING_MS = 10;

/** Runs `load` between two scrapes of the service's metrics; the first resets the loop delay's window. */
async function withServiceLoop<T>(load: () => Promise<T>): Promise<[T, ServiceLoop]> {
  const before = await scrapeService();
  const result = await load();
  const after = await scrapeService();
  return [result, {
    loopDelayP99Ms: round2(Math.max(0, after.lagP99S * 1000 - LOOP_SAMPLING_MS)), loopDelayMaxMs: round2(Math.max(0, after.lagMaxS * 1000 - LOOP_SAMPLING_MS)),
    gcPauses: after.gcCount - before.gcCount, gcMs: round2((after.gcSumS - before.gcSumS) * 1000),
  }];
}

/** What either load generator measured, in one shape. */
interface LoadStats {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  statuses: Record<string, number>;
  errors: number;
  durationS: number;
  clientCpuMs: number;
}

function fromAutocannon(result: autocannon.Result, clientCpuMs: number): LoadStats {
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, c]) => [code, c?.count ?? 0]));
  return { p50Ms: result.latency.p50, p99Ms: result.latency.p99, maxMs: result.latency.max, statuses, errors: result.errors + result.timeouts, durationS: result.duration, clientCpuMs };
}

/** Runs bench/lib/paced-load.ts in a process of its own (not this one, which is idle meanwhile) and returns what it measured. */
function paced(url: string, headers: Record<string, string>, durationS: number): Promise<LoadStats> {
  const options: PacedLoadOptions = { url, rate: RATE, durationS, connections: CONNECTIONS, headers };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/paced-load.ts', JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`paced-load exited ${code}: ${err.slice(-2000)}`));
      const result = JSON.parse(out.trim().split('\n').pop()!) as PacedLoadResult;
      resolve(result);
    });
  });
}

const answered = (stats: LoadStats) => Object.values(stats.statuses).reduce((sum, n) => sum + n, 0);

function row(instance: string, target: number, expectedStatus: number, stats: LoadStats, bodyOk: boolean, cpuS: number | null, loop: ServiceLoop): BenchRow {
  const total = answered(stats);
  const expected = stats.statuses[String(expectedStatus)] ?? 0;
  return {
    ...loop,
    instance, known: target, value: stats.p99Ms, gapPct: null, seconds: round2(stats.durationS),
    valid: bodyOk && total > 0 && expected === total && stats.errors === 0,
    p50Ms: stats.p50Ms, p99Ms: stats.p99Ms, maxMs: stats.maxMs, targetRps: RATE,
    achievedRps: round2(total / stats.durationS), requests: total, met: stats.p99Ms <= target && total / stats.durationS >= 0.95 * RATE,
    serviceCpuMsPerRequest: cpuS === null || total === 0 ? null : round2((1000 * cpuS) / total),
    clientCpuMsPerRequest: total === 0 ? null : round2(stats.clientCpuMs / total),
    loadAvg: round2(loadavg()[0]!),
  };
}

/**
 * Runs the measurements against a service on `env`'s database: for the full feed (200) and the
 * conditional read (304), a warm-up, then the paced run (the target's rows), then autocannon.
 * After the service has shut down (SIGTERM: it stores the audit entries still waiting),
 * `countFeedReads` counts the feed read entries in the audit log: at least one per answered
 * read, or every row is invalid.
 */
async function measure(database: string, env: Record<string, string>, log: (line: string) => void, countFeedReads: () => Promise<number>): Promise<BenchRow[]> {
  const child = await startService(env, log);
  const rows: BenchRow[] = [];
  let reads = 0;
  try {
    const feedUrl = `${base}${await publishDemoDays(log)}`;
    const first = await fetch(feedUrl);
    const body = await first.text();
    const etag = first.headers.get('etag')!;
    const bodyOk = first.status === 200 && body.startsWith('BEGIN:VCALENDAR') && body.includes('BEGIN:VEVENT');
    log(`feed: ${first.status}, ${body.length} chars, ${body.split('BEGIN:VEVENT').length - 1} events, ETag ${etag}`);
    reads = 1;
    const cpuSince = (before: number | null) => { const now = processCpuS(child.pid); return before === null || now === null ? null : now - before; };
    const kinds: Array<{ name: string; target: number; status: number; headers: Record<string, string> }> = [
      { name: `staff feed at ${RATE} req/s`, target: FEED_P99_TARGET_MS, status: 200, headers: {} },
      { name: `304 (If-None-Match) at ${RATE} req/s`, target: NOT_MODIFIED_P99_TARGET_MS, status: 304, headers: { 'if-none-match': etag } },
    ];
    for (const kind of kinds) {
      // A warm-up of each kind: the first seconds of a new kind of request run code not yet
      // optimised (measured: the first 1000 sequential reads cost ~1 ms CPU more each).
      reads += answered(await paced(feedUrl, kind.headers, WARM_UP_S));
      let cpuBefore = processCpuS(child.pid);
      const [steady, steadyLoop] = await withServiceLoop(() => paced(feedUrl, kind.headers, DURATION_S));
      reads += answered(steady);
      const steadyRow = row(`${database}: ${kind.name}, paced`, kind.target, kind.status, steady, bodyOk, cpuSince(cpuBefore), steadyLoop);
      const loopLine = (loop: ServiceLoop) => `service event-loop delay p99 ${loop.loopDelayP99Ms} ms, max ${loop.loopDelayMaxMs} ms, ${loop.gcPauses} GC pauses (${loop.gcMs} ms), load ${round2(loadavg()[0]!)}`;
      log(`${kind.status} paced: p50 ${steady.p50Ms} ms, p99 ${steady.p99Ms} ms, ${steadyRow.achievedRps} req/s, ${steadyRow.serviceCpuMsPerRequest} ms service CPU per request; ${loopLine(steadyLoop)}`);
      cpuBefore = processCpuS(child.pid);
      const clientBefore = process.cpuUsage();
      const [result, burstLoop] = await withServiceLoop(() => cannon(feedUrl, kind.headers, DURATION_S));
      const clientUsed = process.cpuUsage(clientBefore);
      const bursts = fromAutocannon(result, (clientUsed.user + clientUsed.system) / 1000);
      reads += answered(bursts);
      const burstRow = row(`${database}: ${kind.name}, autocannon bursts`, kind.target, kind.status, bursts, bodyOk, cpuSince(cpuBefore), burstLoop);
      log(`${kind.status} autocannon: p50 ${bursts.p50Ms} ms, p99 ${bursts.p99Ms} ms, ${burstRow.achievedRps} req/s, ${burstRow.serviceCpuMsPerRequest} ms service CPU per request; ${loopLine(burstLoop)}`);
      rows.push(steadyRow, burstRow);
    }
  } finally {
    await stopService(child);
  }
  // Requests still in flight when autocannon stopped were answered and audited too, so more
  // entries than counted responses is right; fewer is a read that went unaudited.
  const audited = await countFeedReads();
  log(`audit log: ${audited} feed read entries for ${reads} answered reads`);
  return rows.map((r) => ({ ...r, auditedReads: audited, answeredReads: reads, valid: r.valid && audited >= reads }));
}

/** Feed read entries in the audit log of the database at `connection`. */
async function countFeedReads(config: { databaseUrl: string } | { dataDir: string }): Promise<number> {
  const db = await createDatabase(config);
  try {
    const [row] = await db('audit_log').where({ entity: 'feed', action: 'read' }).count<[{ count: string }]>('* as count');
    return Number(row!.count);
  } finally {
    await db.destroy();
  }
}

async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `icc_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const suite: BenchSuite = {
  name: 'api',
  description:
    `The service (src/main.ts as \`npm start\` runs it, LOG_LEVEL=warn) on loopback with the demo centre, ${DAYS} published days of ${PATIENTS_PER_DAY} patients: a clinician's staff feed (GET /feeds/<token>.ics), then the same with If-None-Match (304), each after a ${WARM_UP_S} s warm-up, at ${RATE} requests/s for ${DURATION_S} s over at most ${CONNECTIONS} keep-alive connections, twice: "paced" = one request every ${1000 / RATE} ms, open loop, from a load generator in a process of its own (bench/lib/paced-load.ts; latency from the moment each request is issued, waiting for a free connection included) — the rows the target is judged on; "autocannon bursts" = autocannon with overallRate ${RATE}, whose rate is a per-second budget per connection, so each second starts with a burst of ${RATE} requests at concurrency ${CONNECTIONS} and then nothing (coordinated omission corrected) — kept for comparison with earlier runs, its p99 is about ${CONNECTIONS} service times. value = p99 latency in ms, known = the target; valid = every response had the expected status, the feed parsed, and once the service had shut down the audit log held a feed read entry for every read answered (answeredReads, warm-ups included; auditedReads may be a few more: reads in flight when autocannon stopped); met = p99 within the target and ≥ 95 % of the rate achieved; serviceCpuMsPerRequest = the service process's CPU time (user + system, /proc) during the run over the requests answered, which moves little with other load on the machine (PGlite's work included, a PostgreSQL server's not); clientCpuMsPerRequest = the same for the load generator, which shares the 2 cores; loopDelayP99Ms / loopDelayMaxMs = the service's event-loop delay during the run (its /metrics, prom-client's monitorEventLoopDelay, a 10 ms timer, reset by a scrape just before the run; the timer's own 10 ms subtracted): how late the service thread ran a timer, i.e. how long it was held — by a PGlite query, a garbage collection, a poller, or the machine's other processes — seen from inside the service; gcPauses / gcMs = the service's garbage-collection pauses during the run, counted and summed.`,
  target: `a staff feed at ${RATE} requests/s with p99 ≤ ${FEED_P99_TARGET_MS} ms, a 304 with p99 ≤ ${NOT_MODIFIED_P99_TARGET_MS} ms, on PostgreSQL and on PGlite (issue 18)`,
  extraColumns: ['p50Ms', 'p99Ms', 'maxMs', 'targetRps', 'achievedRps', 'requests', 'met', 'serviceCpuMsPerRequest', 'clientCpuMsPerRequest', 'loopDelayP99Ms', 'loopDelayMaxMs', 'gcPauses', 'gcMs', 'answeredReads', 'auditedReads', 'loadAvg'],
  async run({ filter, log }) {
    const rows: BenchRow[] = [];
    if (!filter || filter.test('pglite')) {
      const dataDir = mkdtempSync(join(tmpdir(), 'icc-bench-api-'));
      try {
        rows.push(...(await measure('pglite', { ICC_DATA_DIR: dataDir, DATABASE_URL: '' }, log, () => countFeedReads({ dataDir }))));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    if (!filter || filter.test('postgres')) {
      const database = await postgresDatabase();
      if (!database) log(`PostgreSQL at ${POSTGRES_URL} does not answer: skipped`);
      else {
        const dataDir = mkdtempSync(join(tmpdir(), 'icc-bench-api-'));
        try {
          rows.push(...(await measure('postgres', { DATABASE_URL: database.url, ICC_DATA_DIR: dataDir }, log, () => countFeedReads({ databaseUrl: database.url }))));
        } finally {
          await database.drop();
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
    }
    return rows;
  },
};

export default suite;
