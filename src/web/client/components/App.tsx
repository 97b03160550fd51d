// Sign-in with an API token (kept for this browser tab only), then the views the token's role
// may use: a coordinator everything, a clinician their timetable, transport the day's runs.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.ts';
import type { Principal } from '../api-types.ts';
import { session } from '../session.ts';
import { today } from '../time.ts';
import { BookingsView } from './BookingsView.tsx';
import { ClinicianView } from './ClinicianView.tsx';
import { DayBoard } from './DayBoard.tsx';
import { OutreachView } from './OutreachView.tsx';
import { ReferralsView } from './ReferralsView.tsx';
import { SignIn } from './SignIn.tsx';
import { TransportView } from './TransportView.tsx';

type Tab = 'board' | 'transport' | 'referrals' | 'bookings' | 'outreach';
const tabNames: Record<Tab, string> = { board: 'Day board', transport: 'Transport', referrals: 'Referrals', bookings: 'Booking proposals', outreach: 'Outreach' };

export function App() {
  const [principal, setPrincipal] = useState<Principal | null>(null);
  const [checking, setChecking] = useState(Boolean(session.token()));
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('board');
  const [date, setDate] = useState(() => new URLSearchParams(location.search).get('date') ?? today());

  const signIn = async (token: string) => {
    setError(null);
    setChecking(true);
    try {
      const me = await api<Principal>('/api/tokens/me', { token });
      let principal = me.body;
      // An admin token (the one a fresh install writes to data/admin-token) works the first
      // centre as its coordinator would, so a new install can plan a day at once.
      if (principal.role === 'admin') {
        const centres = await api<Array<{ id: string }>>('/api/centres', { token });
        if (!centres.body[0]) throw new Error('There is no centre yet: an admin creates one through the API (POST /api/centres).');
        principal = { ...principal, centreId: centres.body[0].id };
      }
      if (principal.centreId === null) throw new Error('This token belongs to no centre.');
      session.signIn(token, principal.centreId);
      setPrincipal(principal);
    } catch (e) {
      session.signOut();
      setError(e instanceof ApiError && e.status === 401 ? 'That API token was not accepted. Check it and try again.' : (e as Error).message);
    } finally {
      setChecking(false);
    }
  };

  useEffect(() => {
    const saved = session.token();
    if (saved) void signIn(saved);
  }, []);

  const signOut = () => {
    session.signOut();
    setPrincipal(null);
  };

  if (!principal) {
    return (
      <main id="main" class="sign-in-page">
        <h1>ICC scheduler</h1>
        {checking ? <p role="status">Signing in…</p> : <SignIn onSignIn={signIn} error={error} />}
      </main>
    );
  }

  const centreId = principal.centreId!;
  const coordinates = principal.role === 'coordinator' || principal.role === 'admin';
  const tabs: Tab[] = coordinates ? ['board', 'transport', 'referrals', 'bookings', 'outreach'] : [];
  return (
    <>
      <header class="top-bar">
        <span class="brand">ICC scheduler</span>
        {tabs.length > 0 && (
          <nav aria-label="Views">
            {tabs.map((t) => (
              <button type="button" key={t} class={t === tab ? 'tab current' : 'tab'} aria-current={t === tab ? 'page' : undefined} onClick={() => setTab(t)}>{tabNames[t]}</button>
            ))}
          </nav>
        )}
        <span class="who">{principal.name} ({principal.role})</span>
        <button type="button" onClick={signOut}>Sign out</button>
      </header>
      <main id="main">
        {coordinates && tab === 'board' && <DayBoard centreId={centreId} date={date} onDate={setDate} />}
        {coordinates && tab === 'transport' && <TransportView centreId={centreId} date={date} onDate={setDate} />}
        {coordinates && tab === 'referrals' && <ReferralsView centreId={centreId} />}
        {coordinates && tab === 'bookings' && <BookingsView centreId={centreId} />}
        {coordinates && tab === 'outreach' && <OutreachView centreId={centreId} date={date} onDate={setDate} />}
        {principal.role === 'clinician' && <ClinicianView principal={principal} date={date} onDate={setDate} />}
        {principal.role === 'transport' && <TransportView centreId={centreId} date={date} onDate={setDate} />}
      </main>
    </>
  );
}
