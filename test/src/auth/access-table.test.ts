// The access table covers every route the app serves, and its first-match order gives the
// specific rules (a clinician's by-staff view, public feeds) precedence over broad ones.
import { describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { createApp } from '../../../src/app.ts';
import { listRoutes } from '../../../src/api/openapi/list-routes.ts';
import { accessTable, findAccessRule } from '../../../src/auth/access-table.ts';

// Listing routes never touches the database.
const app = createApp({ db: {} as Knex, auth: { enforce: true } });
const routes = listRoutes(app);

describe('accessTable', () => {
  it('has a rule for every route of the app (add one to src/auth/access-table.ts when this fails)', () => {
    expect(routes.length).toBeGreaterThan(50);
    const uncovered = routes.filter((r) => !findAccessRule(r.method, r.path)).map((r) => `${r.method} ${r.path}`);
    expect(uncovered).toEqual([]);
  });

  it('keeps every route under /api/centres/:centreId scoped to the centre for non-admin roles', () => {
    for (const route of routes.filter((r) => r.path.startsWith('/api/centres/:centreId'))) {
      const { rule } = findAccessRule(route.method, route.path)!;
      expect(rule.public, `${route.method} ${route.path}`).toBeUndefined();
      for (const scope of Object.values(rule.allow ?? {})) expect(['centre', 'own-staff', 'own-feed']).toContain(scope);
    }
  });

  it('audits the GETs of patient records, plans and rounds', () => {
    for (const path of ['/patients', '/patients/:id', '/referrals/:id/pre-visit', '/days/:date/plan/by-patient', '/days/:date/plan/by-staff', '/days/:date/pre-visit-rounds', '/plan-jobs/:id', '/follow-ups']) {
      expect(findAccessRule('GET', `/api/centres/:centreId${path}`)?.rule.audit, path).toBeDefined();
    }
    expect(findAccessRule('GET', '/api/centres/:centreId/rooms')?.rule.audit).toBeUndefined();
  });

  it('audits the write responses that carry patient data, and not those of set-up records, feed tokens or follow-up types', () => {
    const audited = [
      ['POST', '/patients'], ['PATCH', '/patients/:id'], ['POST', '/referrals'], ['PUT', '/referrals/:id/pre-visit'],
      ['POST', '/referrals/:id/transitions'], ['POST', '/referrals/:id/mdt-outcome'], ['POST', '/bookings/plan'], ['POST', '/bookings/confirm'],
      ['POST', '/follow-ups/plan'], ['POST', '/plan-jobs'], ['POST', '/plan-jobs/:id/cancel'], ['POST', '/days/:date/plan/moves'],
      ['POST', '/days/:date/plan/replan'], ['POST', '/days/:date/plan/publish'], ['DELETE', '/days/:date/plan/pins/:activityId'],
    ];
    for (const [method, path] of audited) expect(findAccessRule(method!, `/api/centres/c1${path}`)?.rule.audit, `${method} ${path}`).toBeDefined();
    const silent = [['POST', '/rooms'], ['PATCH', '/staff/:id'], ['POST', '/vehicles'], ['POST', '/feed-tokens'], ['PUT', '/follow-ups/types'], ['GET', '/follow-ups/types'], ['PATCH', '']];
    for (const [method, path] of silent) expect(findAccessRule(method!, `/api/centres/c1${path}`)?.rule.audit, `${method} ${path}`).toBeUndefined();
    expect(findAccessRule('POST', '/api/centres/c1/plan-jobs/j1/cancel')!.params).toMatchObject({ id: 'j1' });
    expect(findAccessRule('POST', '/api/centres/c1/referrals/r1/transitions')!.params).toMatchObject({ id: 'r1' });
  });

  it('matches real paths, with their parameters, first rule first', () => {
    const byStaff = findAccessRule('GET', '/api/centres/c1/days/2026-12-01/plan/by-staff')!;
    expect(byStaff.rule.allow).toEqual({ coordinator: 'centre', clinician: 'own-staff' });
    expect(byStaff.params).toMatchObject({ centreId: 'c1', date: '2026-12-01' });
    expect(findAccessRule('GET', '/api/centres/c1/days/2026-12-01/plan/by-patient')!.rule.allow).toEqual({ coordinator: 'centre' });
    expect(findAccessRule('HEAD', '/feeds/abc.ics')!.rule.public).toBe(true);
    expect(findAccessRule('POST', '/feeds/abc.ics')).toBeUndefined();
    // Routes a colleague adds under a day's transport lists are already the transport role's.
    for (const list of ['transport', 'transport.csv', 'transport.html', 'transport/vehicles/v1.csv', 'rounds', 'rounds.csv', 'rounds/s1.html']) {
      expect(findAccessRule('GET', `/api/centres/c1/days/2026-12-01/${list}`)!.rule.allow, list).toMatchObject({ transport: 'centre' });
    }
    expect(findAccessRule('GET', '/api/centres/c1/days/2026-12-01/timetable.html')!.rule.allow).toEqual({ coordinator: 'centre' });
    expect(findAccessRule('GET', '/api/centres/c1/unknown')).toBeUndefined();
  });

  it('every rule matches a path written from its own pattern', () => {
    for (const [index, rule] of accessTable.entries()) {
      const method = rule.methods === '*' ? 'GET' : rule.methods[0]!;
      const sample = rule.path.replace(/\{\/\*rest\}/, '/x').replace(/\/\*rest/, '/x').replace(/\{\.:format\}/, '.csv').replace(/\{\/:id\}/, '/i1').replace(/:(\w+)/g, 'p-$1').replace(/[{}]/g, '');
      expect(accessTable.indexOf(findAccessRule(method, sample)!.rule), `${rule.path} (${sample})`).toBeLessThanOrEqual(index);
    }
  });
});
