import type { BenchSuite } from '../lib/types.ts';

/**
 * Every benchmark suite, in the order `npm run bench` runs them.
 * A suite module default-exports a `BenchSuite`; add new ones here.
 */
export async function loadSuites(): Promise<BenchSuite[]> {
  const modules: Array<Promise<{ default: BenchSuite }>> = [
    // The day planner first (the core), then routing, then booking.
    import('./openshop.ts'),
    import('./icc.ts'),
    import('./icc-peer.ts'),
    import('./icc-varied.ts'),
    import('./icc-transport.ts'),
    import('./darp.ts'),
    import('./vrptw.ts'),
    import('./booking.ts'),
    import('./outreach.ts'),
    import('./rounds.ts'),
    // The coordinator's screen in Chromium.
    import('./screen.ts'),
    // The service under load on loopback (feeds).
    import('./api.ts'),
  ];
  return (await Promise.all(modules)).map((m) => m.default);
}
