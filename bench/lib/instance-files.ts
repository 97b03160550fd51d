import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface InstanceFile {
  /** The file name without its extension, e.g. 'a2-16'. */
  name: string;
  path: string;
}

/** The instance files of a benchmark folder with this extension, filtered by name, in the given order. */
export function instanceFiles(
  folder: string,
  options: { extension: string; filter?: RegExp; compare?: (a: string, b: string) => number },
): InstanceFile[] {
  const suffix = new RegExp(`\\.${options.extension}$`, 'i');
  return readdirSync(folder)
    .filter((file) => suffix.test(file))
    .sort(options.compare)
    .map((file) => ({ name: file.replace(suffix, ''), path: join(folder, file) }))
    .filter(({ name }) => !options.filter || options.filter.test(name));
}
