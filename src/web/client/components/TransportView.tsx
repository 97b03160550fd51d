// The day's transport: runs per vehicle on a timeline (pickups, drop-offs, who is on board),
// each run's stops as a table, and the printable run sheets and CSV (fetched with the token).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, centrePath, openDocument } from '../api.ts';
import type { TransportList } from '../api-types.ts';
import type { BoardItem, BoardRow } from '../board-model.ts';
import { DateField } from './DateField.tsx';
import { PlanTimeline } from './PlanTimeline.tsx';
import { parseHhmm } from '../time.ts';

type Run = TransportList['runs'][number];
type Stop = Run['stops'][number];
const names = (list: Stop['boarding']) => list.map((p) => `${p.initials} ${p.ref}`).join(', ');
/** A run's element id: its table's, and its block's on the timeline. */
const runId = (index: number) => `run-${index + 1}`;
const runName = (run: Run) => `${run.vehicleName} ${run.kind} run ${run.leave}–${run.finish}`;
type Passenger = Stop['boarding'][number];
/** A passenger as feeds show them (initials and local reference), with their carer and wheelchair. */
const rider = (p: Passenger) => `${p.initials} ${p.ref}${p.mobility === 'wheelchair' ? ' (wheelchair)' : ''}${p.carer ? ' + carer' : ''}`;

/** Who is on board as each stop is left, by patient: those boarded so far less those set down. */
export function onBoardAfterEachStop(run: Run): Passenger[][] {
  const aboard = new Map<string, Passenger>();
  return run.stops.map((stop) => {
    for (const p of stop.alighting) aboard.delete(p.patientId);
    for (const p of stop.boarding) aboard.set(p.patientId, p);
    return [...aboard.values()];
  });
}

export function TransportView({ centreId, date, onDate }: { centreId: string; date: string; onDate: (d: string) => void }) {
  const [list, setList] = useState<TransportList | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  useEffect(() => {
    setList(null);
    setMessage('Loading the day’s transport…');
    api<TransportList>(centrePath(centreId, `/days/${date}/transport`)).then(
      (r) => { setList(r.body); setMessage(null); },
      (e: unknown) => setMessage(e instanceof ApiError && e.status === 404 ? `No plan for ${date} yet, so no transport.` : (e as Error).message),
    );
  }, [centreId, date]);

  const rows: BoardRow[] = useMemo(() => {
    const seen = new Map<string, string>();
    for (const run of list?.runs ?? []) seen.set(run.vehicleId, run.vehicleName);
    return [...seen].map(([id, name]) => ({ id, label: name, detail: '' }));
  }, [list]);
  // Each run is one block on its vehicle's row (a stop lasts a few minutes: too thin to read at a
  // day's width): when it runs and whom it carries; choosing it brings its table of stops into view.
  const items: BoardItem[] = useMemo(() => (list?.runs ?? []).map((run, r): BoardItem => {
    const homes = run.stops.filter((stop) => !stop.isCentre);
    // Mornings pick up at the homes, afternoons set down there.
    const atHome = (stop: Stop) => (run.kind === 'morning' ? stop.boarding : stop.alighting);
    const carried = homes.flatMap(atHome);
    const visits = homes.map((stop) => `${run.kind === 'morning' ? 'picks up' : 'sets down'} ${names(atHome(stop))} at ${stop.arrive}`);
    const lines = [`${run.leave}–${run.finish}`, carried.map((p) => p.initials).join(' ')];
    return {
      id: runId(r), row: run.vehicleId, startMin: run.leaveMin, endMin: Math.max(parseHhmm(run.finish), run.leaveMin + 5), kind: 'block',
      block: {
        // Begins with the text on the block (what a voice-control user says), then the run in full.
        name: `${lines.join(' ')}: ${run.vehicleName} ${run.kind} run, ${visits.join('; ')}. Show its stops`,
        lines,
        colour: run.kind === 'morning' ? '#cfe3ff' : '#ffe0c2',
        opens: true,
      },
    };
  }), [list]);
  const showRun = (id: string) => {
    const table = document.getElementById(id);
    table?.scrollIntoView({ block: 'start' });
    table?.focus();
  };

  const download = (path: string, file: string) => {
    setDownloadError(null);
    openDocument(centrePath(centreId, `/days/${date}/${path}`), file).catch((e: unknown) => setDownloadError((e as Error).message));
  };

  return (
    <div class="transport">
      <div class="board-head">
        <h1>Transport</h1>
        <DateField date={date} onDate={onDate} />
        {list && <p class="version">Follows plan version <strong>{list.planVersion}</strong> ({list.planStatus})</p>}
      </div>
      {message && <p role="status">{message}</p>}
      {list && (
        <>
          <div class="row">
            <button type="button" onClick={() => download('transport.html', `run-sheets-${date}.html`)}>Printable run sheets</button>
            <button type="button" onClick={() => download('transport.csv', `transport-${date}.csv`)}>CSV for the day</button>
            {rows.map((v) => <button type="button" key={v.id} onClick={() => download(`transport/vehicles/${v.id}.csv`, `transport-${date}-${v.label}.csv`)}>CSV for {v.label}</button>)}
          </div>
          {downloadError && <p class="error" role="alert">{downloadError}</p>}
          <PlanTimeline date={date} rows={rows} items={items} drag="none" onSelect={showRun} label={`Transport runs on ${date}`} fromMin={7 * 60} toMin={18 * 60} />
          {list.runs.map((run, r) => { const aboard = onBoardAfterEachStop(run); return (
            <table class="list" key={runId(r)} id={runId(r)} tabIndex={-1}>
              <caption>{runName(run)}, {run.distanceKm.toFixed(1)} km</caption>
              <thead><tr><th scope="col" class="nowrap">Stop</th><th scope="col" class="nowrap">Arrive</th><th scope="col" class="nowrap">Depart</th><th scope="col">Place</th><th scope="col">Boarding</th><th scope="col">Alighting</th><th scope="col">On board after the stop</th></tr></thead>
              <tbody>
                {run.stops.map((s, i) => (
                  // data-label: a phone shows each stop as a card, every value under its column's name.
                  <tr key={s.order}><td data-label="Stop" class="nowrap">{s.order}</td><td data-label="Arrive" class="nowrap">{s.arrive}</td><td data-label="Depart" class="nowrap">{s.depart}</td><td data-label="Place">{s.isCentre ? 'Centre' : s.address}</td><td data-label="Boarding">{names(s.boarding)}</td><td data-label="Alighting">{names(s.alighting)}</td><td data-label="On board after" class="on-board">{aboard[i]!.length > 0 ? aboard[i]!.map(rider).join(', ') : 'nobody'}</td></tr>
                ))}
              </tbody>
            </table>
          ); })}
          {list.unserved.length > 0 && (
            <section class="card"><h2>Not carried</h2><ul>{list.unserved.map((u) => <li key={`${u.patientId}:${u.run}`}>{u.ref} ({u.run}): {u.message}</li>)}</ul></section>
          )}
          {list.notRouted.length > 0 && (
            <section class="card"><h2>Not routed</h2><ul>{list.notRouted.map((u) => <li key={u.patientId}>{u.ref}: {u.reason}</li>)}</ul></section>
          )}
        </>
      )}
    </div>
  );
}
