// Seeded randomness for the demo data. Each part of the centre (rota, patient i, …) draws
// from its own stream, derived from the seed and a label, so adding a patient or a shift
// never changes the others and the same seed always gives byte-identical output.
import { createRng, type Rng } from '../../solver/index.ts';

export interface DemoRandom extends Rng {
  /** True with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T;
  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number;
  /** Uniform real in [min, max). */
  real(min: number, max: number): number;
  /** A version-4-shaped UUID (what the database's ids look like), from this stream. */
  uuid(): string;
}

/** FNV-1a hash of a string to 32 bits. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The stream for one labelled part of the demo, e.g. demoRandom(7, 'patient:12'). */
export function demoRandom(seed: number, label: string): DemoRandom {
  const rng = createRng(hash32(`${seed}:${label}`));
  const between = (min: number, max: number) => min + rng.int(max - min + 1);
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(16).toString(16)).join('');
  return {
    ...rng,
    chance: (p) => rng.next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('demoRandom.pick: empty list');
      return items[rng.int(items.length)]!;
    },
    between,
    real: (min, max) => min + rng.next() * (max - min),
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(4)]}${hex(3)}-${hex(12)}`,
  };
}
