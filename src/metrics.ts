// Prometheus metrics (prom-client), one registry for the process: request latency by route,
// planning job queue depth, solve time and gap, and feed hits. Served at GET /metrics to admin
// tokens only (src/api/routes/metrics-router.ts).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'icc_' });

export const httpRequestSeconds = new Histogram({
  name: 'icc_http_request_duration_seconds',
  help: 'HTTP request latency by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const planJobs = new Gauge({
  name: 'icc_plan_jobs',
  help: 'Planning jobs by status (queued = the queue depth), read from the database when scraped',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
});

export const solveSeconds = new Histogram({
  name: 'icc_solve_duration_seconds',
  help: 'Wall-clock time of finished planning jobs, by outcome',
  labelNames: ['outcome'] as const,
  buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300],
  registers: [metricsRegistry],
});

export const solveGapPercent = new Gauge({
  name: 'icc_solve_gap_percent',
  help: "Gap to the lower bound of the last plan a job produced (the planner's own bound)",
  registers: [metricsRegistry],
});

export const feedHits = new Counter({
  name: 'icc_feed_hits_total',
  help: 'iCal feed requests by kind and status (200 served, 304 not modified, 404 unknown)',
  labelNames: ['kind', 'status'] as const,
  registers: [metricsRegistry],
});
