export function DateField({ date, onDate }: { date: string; onDate: (date: string) => void }) {
  return (
    <span class="field">
      <label for="plan-date">Date</label>
      <input id="plan-date" type="date" value={date} onChange={(e) => { if (e.currentTarget.value) onDate(e.currentTarget.value); }} />
    </span>
  );
}
