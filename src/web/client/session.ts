// The API token lives in sessionStorage: it lasts as long as the browser tab, never longer. The
// centre it works is kept beside it, so the page's first requests (index.html) can start before
// the app has loaded.
const KEY = 'icc-api-token';
const CENTRE = 'icc-centre-id';

export const session = {
  token: (): string | null => sessionStorage.getItem(KEY),
  signIn: (token: string, centreId: string) => {
    sessionStorage.setItem(KEY, token);
    sessionStorage.setItem(CENTRE, centreId);
  },
  signOut: () => {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(CENTRE);
  },
};

/** Requests index.html started before the app loaded, by path: each is used once, by a GET of that path. */
export function takeEarlyRequest(path: string): Promise<Response> | undefined {
  const early = (window as { iccEarlyRequests?: Record<string, Promise<Response>> }).iccEarlyRequests;
  const request = early?.[path];
  if (request) delete early[path];
  return request;
}
