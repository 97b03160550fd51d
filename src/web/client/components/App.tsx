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
import { ReferralsView } from './ReferralsView.tsx';
import { SignIn } from './SignIn.tsx';
import { TransportView } from './TransportView.tsx';

type Tab = 'board' | 'transport' | 'referrals' | 'bookings';
const tabNames: Record<Tab, string> = { board: 'Day board', transport: 'Transport', referrals: 'Referrals', bookings: 'Booking proposals' };

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
      if (me.body.role === 'admin' || me.body.centreId === null) throw new Error('This screen is for a centre\'s coordinator, clinician or transport token; an admin token manages tokens through the API.');
      session.signIn(token);
      setPrincipal(me.body);
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
  const tabs: Tab[] = principal.role === 'coordinator' ? ['board', 'transport', 'referrals', 'bookings'] : [];
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
        {principal.role === 'coordinator' && tab === 'board' && <DayBoard centreId={centreId} date={date} onDate={setDate} />}
        {principal.role === 'coordinator' && tab === 'transport' && <TransportView centreId={centreId} date={date} onDate={setDate} />}
        {principal.role === 'coordinator' && tab === 'referrals' && <ReferralsView centreId={centreId} />}
        {principal.role === 'coordinator' && tab === 'bookings' && <BookingsView centreId={centreId} />}
        {principal.role === 'clinician' && <ClinicianView principal={principal} date={date} onDate={setDate} />}
        {principal.role === 'transport' && <TransportView centreId={centreId} date={date} onDate={setDate} />}
      </main>
    </>
  );
}
