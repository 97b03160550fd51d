// The coordinator's screen is bundled in-process by esbuild (the bundler tsx already runs on)
// the first time it is asked for — `npm start` builds it at start-up — so the README's two
// commands stay the only set-up: no separate build step, no build output to keep in step.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface WebAppBundle {
  js: Uint8Array;
  css: Uint8Array;
}

const entry = fileURLToPath(new URL('./client/main.tsx', import.meta.url));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

let bundled: Promise<WebAppBundle> | undefined;

async function bundle(): Promise<WebAppBundle> {
  const result = await build({
    entryPoints: { app: entry },
    absWorkingDir: projectRoot,
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: 'web-app',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const file = (ext: string) => {
    const found = result.outputFiles.find((f) => f.path.endsWith(ext));
    if (!found) throw new Error(`the web app bundle has no ${ext} output`);
    return found.contents;
  };
  return { js: file('.js'), css: file('.css') };
}

/** The bundle, built once per process (a failed build is retried on the next call). */
export function webAppBundle(): Promise<WebAppBundle> {
  bundled ??= bundle().catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}
