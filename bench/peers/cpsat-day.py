#!/usr/bin/env python3
"""A CP-SAT model of one ICC day problem (solver/model/day-problem.ts), the peer planDay is
measured against. Not part of the product: it needs Python 3 and OR-Tools (pip install ortools).

  python3 bench/peers/cpsat-day.py day.json --time-limit 60 --workers 2 [--hint plan.json] > plan.json

It reads the rules as validatePlan does and the objective as scorePlan does with DEFAULT_WEIGHTS
(×10, rounded, so the solver works in integers): unscheduled 1000 × priority, idle 1/min, time on
site 0.2/min, workload spread per discipline 0.5/min, named clinician 60, preferences 2/min,
carer absent 100. Each patient's activities (meal included) form one sequence (AddCircuit), so
transfers, rests after back-to-back runs, arrival and departure are exact. A group type gets
sessions (one clinician, one room, one start, up to its capacity). Prints {activities,
unscheduled, status, objective, bound} — the plan is then scored by the project's own
scorePlan and checked by validatePlan (bench/suites/icc-peer.ts).
"""
import argparse
import json
import sys

from ortools.sat.python import cp_model

SCALE = 10  # objective units per soft-score point


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('problem')
    ap.add_argument('--time-limit', type=float, default=60)
    ap.add_argument('--workers', type=int, default=2)
    ap.add_argument('--hint', help='a plan (JSON with activities) to start from')
    args = ap.parse_args()
    pr = json.load(open(args.problem))
    c = pr['centre']
    types = {t['id']: t for t in pr['assessmentTypes']}
    rooms = pr['rooms']
    staff = pr['staff']
    pins = {(p['patientId'], p['typeId']): p for p in pr.get('pins', [])}
    replan = pr.get('replanFromMin')
    mdt_start, mdt_end = c['mdt']['startMin'], c['mdt']['startMin'] + c['mdt']['durationMin']
    m = cp_model.CpModel()
    open_, close = c['openMin'], c['closeMin']

    def mdt_ok(s):  # an MDT member who sees a patient must be on shift and off break through the MDT
        if not s['mdtMember']:
            return True
        if s['shift']['startMin'] > mdt_start or s['shift']['endMin'] < mdt_end:
            return False
        return all(b['endMin'] <= mdt_start or b['startMin'] >= mdt_end for b in s['breaks'])

    # Activities: (patient index, type id, duration, room type, qualification or None, required entry)
    acts = []
    for pi, p in enumerate(pr['patients']):
        for r in p['required']:
            t = types.get(r['typeId'])
            if t:
                acts.append(dict(p=pi, type=t['id'], d=t['durationMin'], rt=t['roomType'], q=t['qualification'], req=r, meal=False, kind=t['kind']))
        if p.get('needsMeal', True):
            acts.append(dict(p=pi, type='meal', d=c['mealDurationMin'], rt=c['mealRoomType'], q=None, req=None, meal=True, kind='meal'))
    for a in acts:
        pin = pins.get((pr['patients'][a['p']]['id'], a['type']))
        if pin and pin.get('durationMin'):
            a['d'] = pin['durationMin']
        a['pin'] = pin
        lo, hi = open_, close
        if a['meal']:
            lo, hi = max(lo, c['lunchWindow']['startMin']), min(hi, c['lunchWindow']['endMin'])
        else:
            hi = min(hi, mdt_start)
        if replan is not None and not pin:
            lo = max(lo, replan)
        a['present'] = m.NewConstant(1) if a['meal'] or pin else m.NewBoolVar('')  # a meal and a pin are always there
        a['s'] = m.NewIntVar(lo, max(lo, hi - a['d']), '')
        a['e'] = a['s'] + a['d']
        if pin:
            m.Add(a['s'] == pin['startMin'])
        a['rooms'] = {ri: m.NewBoolVar('') for ri, r in enumerate(rooms) if r['type'] == a['rt'] and (not pin or not pin.get('roomId') or pin['roomId'] == r['id'])}
        m.Add(sum(a['rooms'].values()) == a['present'])
        a['staff'] = {}
        if not a['meal']:
            for si, s in enumerate(staff):
                if a['q'] in s['qualifications'] and mdt_ok(s) and (not pin or not pin.get('staffId') or pin['staffId'] == s['id']):
                    a['staff'][si] = m.NewBoolVar('')
                    m.Add(a['s'] >= s['shift']['startMin']).OnlyEnforceIf(a['staff'][si])
                    m.Add(a['e'] <= s['shift']['endMin']).OnlyEnforceIf(a['staff'][si])
            m.Add(sum(a['staff'].values()) == a['present'])

    # Rooms: capacity counts each patient's activity.
    for ri, r in enumerate(rooms):
        ivs = [m.NewOptionalIntervalVar(a['s'], a['d'], a['e'], a['rooms'][ri], '') for a in acts if ri in a['rooms']]
        if ivs:
            m.AddCumulative(ivs, [1] * len(ivs), r['capacity'])

    # Staff: one-to-one activities book the clinician; a group type books them per session.
    staff_ivs = {si: [m.NewFixedSizeIntervalVar(b['startMin'], b['endMin'] - b['startMin'], '') for b in s['breaks']] for si, s in enumerate(staff)}
    load = {si: [] for si in range(len(staff))}
    sessions = []
    for tid, t in types.items():
        members = [a for a in acts if a['type'] == tid]
        if t['groupCapacity'] <= 1 or not members:
            for a in members:
                for si, x in a['staff'].items():
                    staff_ivs[si].append(m.NewOptionalIntervalVar(a['s'], a['d'], a['e'], x, ''))
                    load[si].append((a['d'], x))
            continue
        for j in range(len(members)):
            q = m.NewBoolVar('')
            start = m.NewIntVar(open_, mdt_start, '')
            w = {si: m.NewBoolVar('') for si in members[0]['staff']}
            m.Add(sum(w.values()) == q)
            v = {ri: m.NewBoolVar('') for ri in members[0]['rooms']}
            m.Add(sum(v.values()) == q)
            for si, x in w.items():
                staff_ivs[si].append(m.NewOptionalIntervalVar(start, t['durationMin'], start + t['durationMin'], x, ''))
                load[si].append((t['durationMin'], x))
            b = [m.NewBoolVar('') for _ in members]
            m.Add(sum(b) <= t['groupCapacity'] * q)
            sessions.append((j, tid, members, b))
            for a, bij in zip(members, b):
                a.setdefault('sessions', []).append(bij)
                m.Add(a['s'] == start).OnlyEnforceIf(bij)
                for si, x in a['staff'].items():
                    m.Add(x == w[si]).OnlyEnforceIf(bij)
                for ri, y in a['rooms'].items():
                    m.Add(y == v[ri]).OnlyEnforceIf(bij)
                m.AddImplication(bij, q)
        for a in members:
            m.Add(sum(a['sessions']) == a['present'])
    for si, ivs in staff_ivs.items():
        m.AddNoOverlap(ivs)

    # Each patient's day: one sequence of their present activities (node 0 = arrival/departure).
    objective = []
    for pi, p in enumerate(pr['patients']):
        mine = [a for a in acts if a['p'] == pi]
        first = m.NewIntVar(open_, close, '')
        last = m.NewIntVar(open_, close, '')
        arcs = []
        rest = p.get('rest')
        run = [m.NewIntVar(1, rest['maxConsecutive'], '') if rest else None for _ in mine]
        for i, a in enumerate(mine):
            if not a['meal'] and not a['pin']:
                arcs.append((i + 1, i + 1, a['present'].Not()))  # left out: off the sequence
            f = m.NewBoolVar('')
            arcs.append((0, i + 1, f))
            m.Add(first == a['s']).OnlyEnforceIf(f)
            l_ = m.NewBoolVar('')
            arcs.append((i + 1, 0, l_))
            m.Add(last == a['e']).OnlyEnforceIf(l_)
            for k, b in enumerate(mine):
                if k == i:
                    continue
                lit = m.NewBoolVar('')
                arcs.append((i + 1, k + 1, lit))
                gap = c['transferMin']
                if a['rt'] == b['rt'] and gap > 0:
                    same = m.NewBoolVar('')
                    for ri in set(a['rooms']) | set(b['rooms']):  # a pin may narrow one side's rooms
                        m.Add(a['rooms'].get(ri, 0) == b['rooms'].get(ri, 0)).OnlyEnforceIf(same)
                    m.Add(b['s'] >= a['e'] + gap).OnlyEnforceIf(lit, same.Not())
                    m.Add(b['s'] >= a['e']).OnlyEnforceIf(lit)
                else:
                    m.Add(b['s'] >= a['e'] + gap).OnlyEnforceIf(lit)
                if rest:
                    rested = m.NewBoolVar('')
                    m.Add(b['s'] >= a['e'] + rest['minRestMin']).OnlyEnforceIf(lit, rested)
                    m.Add(run[k] >= run[i] + 1).OnlyEnforceIf(lit, rested.Not())
        m.AddCircuit(arcs)
        # Precedences with lags between the patient's clinical activities ('*': every other type; never the meal).
        clinical = [a for a in mine if not a['meal']]
        for rule in pr['precedences']:
            if rule['before'] == '*' and rule['after'] == '*':
                continue
            for a in clinical:
                if rule['before'] != '*' and a['type'] != rule['before']:
                    continue
                for b in clinical:
                    if b is a or b['type'] == a['type'] or (rule['after'] != '*' and b['type'] != rule['after']):
                        continue
                    lits = [x['present'] for x in (a, b) if not x['pin']]
                    m.Add(b['s'] >= a['e'] + rule['minLagMin']).OnlyEnforceIf(lits)
        m.Add(first >= p['earliestArrivalMin'] + c['checkInBufferMin'])
        m.Add(last <= p['latestDepartureMin'])
        m.Add(last - first + c['checkInBufferMin'] <= p['maxOnSiteMin'])
        busy = sum(a['d'] * a['present'] for a in mine)
        objective.append(SCALE * 1 * (last - first) - SCALE * busy)  # idle, 1/min
        objective.append(2 * (last - first + c['checkInBufferMin']))  # on site, 0.2/min
        if p.get('preferredEarliestArrivalMin') is not None:
            early = m.NewIntVar(0, 24 * 60, '')
            m.Add(early >= p['preferredEarliestArrivalMin'] - (first - c['checkInBufferMin']))
            objective.append(2 * SCALE * early)
        if p.get('preferredLatestDepartureMin') is not None:
            late = m.NewIntVar(0, 24 * 60, '')
            m.Add(late >= last - p['preferredLatestDepartureMin'])
            objective.append(2 * SCALE * late)
        for a in mine:
            if a['meal']:
                continue
            if not a['pin']:
                objective.append(round(1000 * SCALE * p['priority']) * (1 - a['present']))
            pref = a['req'].get('preferredStaffId')
            if pref:
                si = next((i for i, s in enumerate(staff) if s['id'] == pref), None)
                objective.append(60 * SCALE * (a['present'] - (a['staff'][si] if si in a['staff'] else 0)))
            if a['req'].get('carerRequired'):
                absent = m.NewBoolVar('')
                carer = p.get('carerPresent')
                if carer:
                    m.Add(a['s'] >= carer['startMin']).OnlyEnforceIf(a['present'], absent.Not())
                    m.Add(a['e'] <= carer['endMin']).OnlyEnforceIf(a['present'], absent.Not())
                    m.AddImplication(absent, a['present'])
                else:
                    m.Add(absent == a['present'])
                objective.append(100 * SCALE * absent)

    # Workload spread per discipline (two or more staff), 0.5/min.
    for disc in {s['discipline'] for s in staff}:
        members = [si for si, s in enumerate(staff) if s['discipline'] == disc]
        if len(members) < 2:
            continue
        hi, lo = m.NewIntVar(0, 24 * 60, ''), m.NewIntVar(0, 24 * 60, '')
        for si in members:
            booked = sum(d * x for d, x in load[si])
            m.Add(hi >= booked)
            m.Add(lo <= booked)
        objective.append(5 * (hi - lo))
    m.Minimize(sum(objective))

    if args.hint:
        plan = json.load(open(args.hint))
        by_key = {(x['patientId'], x['typeId']): x for x in plan['activities']}
        for a in acts:
            x = by_key.get((pr['patients'][a['p']]['id'], a['type']))
            if x:
                m.AddHint(a['s'], x['startMin'])
                if not a['meal'] and not a['pin']:
                    m.AddHint(a['present'], 1)
            elif not a['meal'] and not a['pin']:
                m.AddHint(a['present'], 0)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.time_limit
    solver.parameters.num_workers = args.workers
    status = solver.Solve(m)
    out = {'status': solver.StatusName(status), 'objective': None, 'bound': solver.BestObjectiveBound() / SCALE, 'activities': [], 'unscheduled': []}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        out['objective'] = solver.ObjectiveValue() / SCALE
        group_of = {}
        for j, tid, members, b in sessions:
            for a, bij in zip(members, b):
                if solver.Value(bij):
                    group_of[id(a)] = f'{tid}@session-{j}'
        for a in acts:
            p = pr['patients'][a['p']]
            if not solver.Value(a['present']):
                out['unscheduled'].append({'patientId': p['id'], 'typeId': a['type'], 'reason': 'no-staff-free', 'message': 'left out by the CP-SAT peer'})
                continue
            s = solver.Value(a['s'])
            act = {'id': f"{p['id']}:{a['type']}", 'patientId': p['id'], 'typeId': a['type'], 'kind': a['kind'], 'startMin': s, 'endMin': s + a['d'],
                   'roomId': next(rooms[ri]['id'] for ri, v in a['rooms'].items() if solver.Value(v))}
            if a['staff']:
                act['staffId'] = next(staff[si]['id'] for si, v in a['staff'].items() if solver.Value(v))
            if id(a) in group_of:
                act['groupId'] = group_of[id(a)]
            if a['pin']:
                act['pinned'] = True
            out['activities'].append(act)
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main()
