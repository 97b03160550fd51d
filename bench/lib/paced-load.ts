/**
 * An open-loop load generator at a steady rate, run as its own process by the api suite:
 *
 *   node --import tsx bench/lib/paced-load.ts '{"url":…,"rate":200,"durationS":20,"connections":10,"headers":{…}}'
 *
 * Request i is due at start + i/rate seconds, whatever happened to the ones before (open loop),
 * and goes out on a free keep-alive connection (up to `connections`; with all of them busy it
 * waits for one). Its latency is measured from when the generator issued it — on time, as
 * nothing waits for an answer before issuing the next (the timer's own lateness, reported as
 * worstSendLagMs, is not counted) — to the end of its answer, waiting for a connection included,
 * so a slow answer that holds up the next requests counts against them too (no coordinated
 * omission).
 * This is what "200 requests/s" means for a calendar feed: subscribers' reads arrive spread out,
 * not in bursts. (autocannon's `overallRate` is a per-second budget per connection: each of the
 * 10 connections sends its 20 requests back to back at the start of every second, then waits.)
 *
 * Prints one JSON line: latencies (ms) at p50/p99/max, statuses, errors, duration, the
 * client's own CPU time.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface PacedLoadOptions {
  url: string;
  rate: number;
  durationS: number;
  connections: number;
  headers?: Record<string, string>;
}

export interface PacedLoadResult {
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Seconds from the first request due to the last answer. */
  durationS: number;
  /** Latest a request went out after it was due (the generator's own lag), ms. */
  worstSendLagMs: number;
  clientCpuMs: number;
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.durationS);
  const intervalMs = 1000 / options.rate;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let worstSendLagMs = 0;
  const cpuBefore = process.cpuUsage();
  const send = (issued: number) =>
    new Promise<void>((resolve) => {
      const request = http.get({ host: url.hostname, port: url.port, path: url.pathname + url.search, agent, headers: options.headers ?? {} }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - issued);
          statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
          resolve();
        });
      });
      request.on('error', () => {
        errors++;
        resolve();
      });
    });
  const start = performance.now() + 10;
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const issued = performance.now();
    worstSendLagMs = Math.max(worstSendLagMs, issued - due);
    inFlight.push(send(issued));
  }
  await Promise.all(inFlight);
  const durationS = (performance.now() - start) / 1000;
  agent.destroy();
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length, statuses, errors, p50Ms: round1(quantile(latencies, 0.5)), p99Ms: round1(quantile(latencies, 0.99)),
    maxMs: round1(latencies[latencies.length - 1] ?? 0), durationS, worstSendLagMs: round1(worstSendLagMs), clientCpuMs: (cpu.user + cpu.system) / 1000,
  };
}

// Run as a process: options in argv[2], the result on stdout.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const result = await pacedLoad(JSON.parse(process.argv[2]!) as PacedLoadOptions);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
