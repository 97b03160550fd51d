import { useState } from 'preact/hooks';

export function SignIn({ onSignIn, error }: { onSignIn: (token: string) => void; error: string | null }) {
  const [token, setToken] = useState('');
  return (
    <form class="card sign-in" onSubmit={(e) => { e.preventDefault(); if (token.trim()) onSignIn(token.trim()); }}>
      <h2>Sign in</h2>
      <p>Paste the API token your administrator gave you. It is kept in this browser tab only and forgotten when the tab closes.</p>
      <label for="api-token">API token</label>
      <input id="api-token" type="password" autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} required />
      <button type="submit">Sign in</button>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
