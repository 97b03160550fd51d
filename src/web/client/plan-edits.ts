// One way to edit a stored plan from the screen, for the ICC day board and the outreach view:
// each edit is sent with the version shown (If-Match); a 412 raises the reload offer, a refusal
// shows the API's own sentences, a saved edit reloads the plan and says which version it made.
import { useState } from 'preact/hooks';
import { api, ApiError } from './api.ts';
import type { Refusal } from './components/EditBanners.tsx';

/** What an edit reply tells a panel: saved (with the reply), or why nothing was saved. */
export interface EditOutcome<T = unknown> {
  ok: boolean;
  sentences: string[];
  reply?: T;
}

/** `T`: the plan view an edit replies with. */
export interface PlanEdits<T extends { version: number }> {
  edit: (title: string, suffix: string, method: 'POST' | 'DELETE', body?: unknown) => Promise<EditOutcome<T>>;
  stale: boolean;
  refusal: Refusal | null;
  notice: string | null;
  /** Clears the banners (a new date, a reload). */
  clear: () => void;
}

/**
 * @param planPath the plan's address with a suffix (`/moves`, `/publish`, …)
 * @param etag the ETag of the version shown, or null when none is
 * @param reload reads the plan again after a saved edit
 */
export function usePlanEdits<T extends { version: number }>(planPath: (suffix?: string) => string, etag: string | null, reload: () => Promise<void>): PlanEdits<T> {
  const [stale, setStale] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const edit = async (title: string, suffix: string, method: 'POST' | 'DELETE', body?: unknown): Promise<EditOutcome<T>> => {
    if (etag === null) return { ok: false, sentences: [] };
    setRefusal(null);
    setNotice(null);
    try {
      const reply = await api<T>(planPath(suffix), { method, body, ifMatch: etag });
      await reload();
      setNotice(`${title}: saved as version ${reply.body.version}.`);
      return { ok: true, sentences: [], reply: reply.body };
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setStale(true);
        return { ok: false, sentences: [] };
      }
      const sentences = e instanceof ApiError ? e.sentences : [];
      // The checker's sentences say it all; other refusals (a 400, a 409) carry their own message.
      setRefusal({ title: sentences.length > 0 ? `${title} refused:` : `${title} refused: ${(e as Error).message}`, sentences });
      return { ok: false, sentences };
    }
  };

  const clear = () => {
    setStale(false);
    setRefusal(null);
    setNotice(null);
  };
  return { edit, stale, refusal, notice, clear };
}
