// What the API said when it refused or failed: a line, then its own sentences (the checker's
// reasons, the fields it named), announced to screen readers as an alert.

interface Props {
  /** The box's class: 'error', 'refusal' or 'banner refusal'. */
  class: string;
  title: string;
  sentences: readonly string[];
}

export function SentencesAlert({ class: className, title, sentences }: Props) {
  return (
    <div class={className} role="alert">
      <p>{title}</p>
      {sentences.length > 0 && <ul>{sentences.map((s) => <li key={s}>{s}</li>)}</ul>}
    </div>
  );
}
