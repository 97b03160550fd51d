// What a plan edit's reply tells the user above the plan: someone else saved first (412, with a
// reload), the API's refusal with its own sentences, or what was saved.
import { SentencesAlert } from './SentencesAlert.tsx';

export interface Refusal {
  title: string;
  sentences: string[];
}

interface Props {
  stale: boolean;
  onReload: () => void;
  refusal: Refusal | null;
  notice: string | null;
}

export function EditBanners({ stale, onReload, refusal, notice }: Props) {
  return (
    <>
      {stale && (
        <div class="banner warning" role="alert">
          Someone else saved a newer version of this plan, so your change was not made.{' '}
          <button type="button" onClick={onReload}>Reload the plan</button>
        </div>
      )}
      {refusal && <SentencesAlert class="banner refusal" title={refusal.title} sentences={refusal.sentences} />}
      {notice && <p class="banner ok" role="status">{notice}</p>}
    </>
  );
}
