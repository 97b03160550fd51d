// The day as a timeline (vis-timeline): one row per staff member, room or patient, 08:00–17:00,
// each activity a focusable element with role="button" and a spoken name; dragging it to
// another time or row asks the caller, who answers true (kept) or false (snaps back). On a phone
// the whole day would leave each hour a few pixels: it shows three hours at a time instead, swiped
// or stepped with Earlier / Later.
import { useEffect, useRef, useState } from 'preact/hooks';
import * as visTimeline from 'vis-timeline/standalone';
import type { DataItem, TimelineOptions } from 'vis-timeline/standalone';
import type { DataSet as DataSetClass } from 'vis-data/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { activityName, type BoardItem, type BoardRow } from '../board-model.ts';
import { disciplineColour } from '../disciplines.ts';
import { dateToMinutes, minutesToDate } from '../time.ts';
import { batchTimelineDrawing } from '../vis-timeline-batching.ts';

batchTimelineDrawing();

/** An activity's or the MDT's height in px, set in the CSS too, so vis-timeline need not measure it. */
const ITEM_HEIGHT = 34;
/** The width a printed timeline is scaled to: an A4 (or Letter) page less 1.5 cm margins, at 96 px per inch. */
const PRINT_WIDTH_PX = 680;
/** A screen this narrow shows NARROW_WINDOW_MIN of the day at a time (styles.css's breakpoint; a printed page keeps the whole day). */
const NARROW_SCREEN = 'screen and (max-width: 760px)';
const NARROW_WINDOW_MIN = 3 * 60;
/** Earlier / Later move the window by less than its width, so one hour stays in sight. */
const NARROW_STEP_MIN = 2 * 60;

export interface MoveAsked {
  activityId: string;
  startMin: number;
  /** The row it was dropped on, when that changed. */
  rowId?: string;
}

interface Props {
  date: string;
  rows: BoardRow[];
  items: BoardItem[];
  /** Whether items may be dragged, and whether across rows. */
  drag: 'none' | 'time' | 'time-and-row';
  onMove?: (move: MoveAsked) => Promise<boolean>;
  onSelect?: (activityId: string) => void;
  label: string;
  /** Shown from / to, in minutes (default 08:00–17:00). */
  fromMin?: number;
  toMin?: number;
}

function itemContent(item: BoardItem, onSelect: ((id: string) => void) | undefined): HTMLElement {
  const el = document.createElement('div');
  el.className = 'tl-content';
  if (item.kind === 'block' && item.block) {
    const { name, lines, opens } = item.block;
    el.setAttribute('aria-label', name);
    // Spaces between the lines: the visible text reads as words (a spoken name must contain it).
    lines.forEach((line, i) => el.append(...(i > 0 ? [' '] : []), textSpan('tl-line', line)));
    if (!opens) {
      el.setAttribute('role', 'img');
      return el;
    }
    el.setAttribute('role', 'button');
    el.setAttribute('tabindex', '0');
    el.classList.add('tl-opens');
    el.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onSelect?.(item.id);
      }
    });
    return el;
  }
  if (item.kind !== 'activity' || !item.activity) {
    el.textContent = item.kind === 'mdt' ? 'MDT' : 'Break';
    el.setAttribute('aria-label', `${item.kind === 'mdt' ? 'MDT meeting' : 'Break'} ${minutesLabel(item.startMin)}–${minutesLabel(item.endMin)}`);
    el.setAttribute('role', 'img');
    return el;
  }
  const a = item.activity;
  // The patient's initials and the pin mark sit beside the button, hidden from screen readers:
  // the button's visible text (reference and assessment) is the start of its spoken name.
  const aside = document.createElement('span');
  aside.className = 'tl-initials';
  aside.setAttribute('aria-hidden', 'true');
  aside.textContent = `${a.pinned ? '📌' : ''}${a.patientInitials}`;
  const button = document.createElement('div');
  button.className = 'tl-button';
  button.setAttribute('role', 'button');
  button.setAttribute('tabindex', '0');
  button.setAttribute('aria-label', activityName(a));
  button.dataset.activityId = a.activityId;
  button.append(textSpan('tl-who', a.patientRef), ' ', textSpan('tl-what', a.typeName));
  el.append(aside, button);
  button.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(a.activityId);
    }
  });
  return el;
}

// The standalone build bundles vis-data and exports its DataSet, which its type declarations leave out.
const { Timeline } = visTimeline;
const DataSet = (visTimeline as unknown as { DataSet: typeof DataSetClass }).DataSet;

const minutesLabel = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Whether the screen is a phone's (follows a rotation or a resized window). */
function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_SCREEN).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW_SCREEN);
    const follow = () => setNarrow(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return narrow;
}

export function PlanTimeline({ date, rows, items, drag, onMove, onSelect, label, fromMin = 8 * 60, toMin = 17 * 60 }: Props) {
  const narrow = useNarrowScreen();
  const windowMin = narrow ? Math.min(NARROW_WINDOW_MIN, toMin - fromMin) : toMin - fromMin;
  const clampFrom = (m: number) => Math.max(fromMin, Math.min(toMin - windowMin, m));
  // Where a phone's window starts: the hour of the first thing on the timeline, then wherever it is swiped or stepped.
  const firstHourMin = () => clampFrom(Math.floor(Math.min(toMin, ...items.map((i) => i.startMin)) / 60) * 60);
  const [shownFromMin, setShownFromMin] = useState(firstHourMin);
  const shownFrom = useRef(shownFromMin);
  shownFrom.current = shownFromMin;
  const host = useRef<HTMLDivElement>(null);
  const timeline = useRef<visTimeline.Timeline | null>(null);
  const itemSet = useRef(new DataSet<DataItem>());
  const groupSet = useRef(new DataSet<{ id: string; content: HTMLElement }>());
  // The handlers change on every render; the timeline keeps calling the latest ones.
  const handlers = useRef({ onMove, onSelect, date });
  handlers.current = { onMove, onSelect, date };

  // Fed before the timeline below is made (effects run in order), so its first draw has them all.
  // Items go first and come last: a row that joins finds no stale items to adopt.
  useEffect(() => {
    itemSet.current.clear();
    groupSet.current.clear();
    groupSet.current.add(rows.map((r, order) => {
      const el = document.createElement('div');
      el.className = 'tl-row';
      el.append(textSpan('tl-row-name', r.label), textSpan('tl-row-detail', r.detail));
      return { id: r.id, content: el, order };
    }));
    itemSet.current.add(items.map((item): DataItem => {
      const activity = item.activity;
      return {
        id: item.id,
        group: item.row,
        start: minutesToDate(date, item.startMin),
        end: minutesToDate(date, item.endMin),
        type: item.kind === 'break' ? 'background' : 'range',
        content: itemContent(item, (id) => handlers.current.onSelect?.(id)) as unknown as string,
        className: item.kind === 'activity' ? `tl-activity${activity?.pinned ? ' tl-pinned' : ''}` : `tl-${item.kind}`,
        style: activity ? `background-color: ${disciplineColour(activity.discipline)};` : item.block ? `background-color: ${item.block.colour};` : undefined,
        editable: item.kind === 'activity' && drag !== 'none' ? { updateTime: true, updateGroup: drag === 'time-and-row', remove: false } : false,
        selectable: item.kind === 'activity' || Boolean(item.block?.opens),
        // Breaks are backgrounds (no height); a block's lines vary, so it is measured.
        ...(item.kind === 'block' ? {} : { fixedHeight: item.kind === 'break' ? 0 : ITEM_HEIGHT }),
      };
    }));
  }, [rows, items, date, drag]);

  useEffect(() => {
    const options: TimelineOptions = {
      start: minutesToDate(date, narrow ? shownFrom.current : fromMin),
      end: minutesToDate(date, narrow ? shownFrom.current + windowMin : toMin),
      min: minutesToDate(date, fromMin - 30),
      max: minutesToDate(date, toMin + 30),
      // A phone's window is swiped sideways; the whole day has nowhere to go.
      moveable: narrow,
      zoomable: false,
      stack: true,
      orientation: { axis: 'top', item: 'top' },
      margin: { item: { horizontal: 0, vertical: 2 }, axis: 2 },
      showCurrentTime: false,
      selectable: true,
      groupOrder: 'order',
      timeAxis: { scale: 'hour', step: 1 },
      format: { minorLabels: { hour: 'HH:mm', minute: 'HH:mm' }, majorLabels: { hour: ' ', minute: ' ', day: ' ' } },
      snap: (at: Date) => {
        const step = 5 * 60_000;
        return new Date(Math.round(at.getTime() / step) * step);
      },
      // Drag at once, without selecting first (a click still selects and opens the form).
      itemsAlwaysDraggable: { item: drag !== 'none', range: drag !== 'none' },
      editable: drag === 'none' ? false : { updateTime: true, updateGroup: drag === 'time-and-row', add: false, remove: false, overrideItems: false },
      onMove: (item, callback) => {
        const { onMove: ask, date: day } = handlers.current;
        const original = itemSet.current.get(item.id as string);
        if (!ask || !original) return callback(null);
        const startMin = dateToMinutes(day, new Date(item.start as Date));
        const rowId = item.group !== undefined && item.group !== original.group ? String(item.group) : undefined;
        // Kept: the caller has usually redrawn the board from the saved plan by now, and the dragged
        // item still carries its old label (the old clinician), so hand back the redrawn one.
        ask({ activityId: String(item.id), startMin, ...(rowId ? { rowId } : {}) })
          .then((kept) => callback(kept ? { ...item, ...itemSet.current.get(String(item.id)), type: item.type } : null), () => callback(null));
      },
    };
    const t = new Timeline(host.current!, itemSet.current, groupSet.current, options);
    t.on('select', ({ items: selected }: { items: string[] }) => {
      const id = selected[0];
      if (id && !id.startsWith('break:') && !id.startsWith('mdt:')) handlers.current.onSelect?.(id);
    });
    t.on('rangechanged', ({ start, byUser }: { start: Date; byUser: boolean }) => {
      if (byUser) setShownFromMin(dateToMinutes(handlers.current.date, start));
    });
    timeline.current = t;
    // vis-timeline lays itself out in pixels for the screen, and redraws for a new size only later
    // (too late for a print): on paper the drawing as it is, the whole day, is scaled to the width
    // of an A4 or Letter page's text, and back after.
    const toPaper = () => {
      const el = host.current!;
      const width = el.offsetWidth;
      el.style.width = `${width}px`;
      el.style.zoom = String(Math.min(1, PRINT_WIDTH_PX / width));
    };
    const toScreen = () => {
      host.current!.style.width = '';
      host.current!.style.zoom = '';
    };
    window.addEventListener('beforeprint', toPaper);
    window.addEventListener('afterprint', toScreen);
    return () => {
      window.removeEventListener('beforeprint', toPaper);
      window.removeEventListener('afterprint', toScreen);
      t.destroy();
    };
    // The timeline is made once per date, drag mode and screen width; rows and items are fed in above.
  }, [date, drag, fromMin, toMin, narrow]);

  // A new day, or a screen that became narrow, starts at its first hour.
  useEffect(() => setShownFromMin(firstHourMin()), [date, narrow, items.length === 0]);
  // Stepped (not swiped: the timeline is already there), or started afresh.
  useEffect(() => {
    const t = timeline.current;
    if (!narrow || !t) return;
    const [start, end] = [minutesToDate(date, shownFromMin), minutesToDate(date, shownFromMin + windowMin)];
    if (Math.abs(t.getWindow().start.getTime() - start.getTime()) >= 60_000) t.setWindow(start, end, { animation: false });
  }, [shownFromMin, narrow, date, windowMin]);

  const step = (byMin: number) => setShownFromMin(clampFrom(Math.round((shownFromMin + byMin) / 60) * 60));
  return (
    <>
      {narrow && (
        <div class="timeline-window" role="group" aria-label="Hours shown">
          <button type="button" onClick={() => step(-NARROW_STEP_MIN)} disabled={shownFromMin <= fromMin}>◀ Earlier</button>
          <span aria-live="polite">{minutesLabel(shownFromMin)}–{minutesLabel(shownFromMin + windowMin)}</span>
          <button type="button" onClick={() => step(NARROW_STEP_MIN)} disabled={shownFromMin >= toMin - windowMin}>Later ▶</button>
        </div>
      )}
      {/* Focusable: the rows scroll, and a keyboard user must be able to scroll them. */}
      <div class="timeline" role="group" aria-label={label} ref={host} tabIndex={0} />
    </>
  );
}

/** A span with a class and plain text (never HTML: names come from records). */
function textSpan(className: string, text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}
