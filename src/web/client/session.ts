// The API token lives in sessionStorage: it lasts as long as the browser tab, never longer.
const KEY = 'icc-api-token';

export const session = {
  token: (): string | null => sessionStorage.getItem(KEY),
  signIn: (token: string) => sessionStorage.setItem(KEY, token),
  signOut: () => sessionStorage.removeItem(KEY),
};
