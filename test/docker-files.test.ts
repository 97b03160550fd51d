// The Dockerfile and compose.yaml agree with the repository they build from. No Docker daemon
// runs where these tests run (see the README's Docker note), so the image is never built here:
// this checks what can be checked without one — every COPY source exists, the start command and
// the runtime it needs are shipped, every environment variable set is one the service reads,
// the app reaches the database service with its own credentials, the ports and the data
// directory line up — and, where Debian's docker-compose is installed, that it parses the file.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const compose = parse(readFileSync(join(root, 'compose.yaml'), 'utf8')) as {
  services: Record<string, { image?: string; build?: string; environment?: Record<string, string>; ports?: string[]; volumes?: string[]; depends_on?: Record<string, unknown> }>;
};
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Dockerfile instructions, continuation lines joined, comments dropped. */
const instructions = dockerfile.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
const argsOf = (keyword: string) => instructions.filter((line) => line.startsWith(`${keyword} `)).map((line) => line.slice(keyword.length + 1).trim());

/** ENV lines: NAME=value pairs (values here hold no spaces). */
const dockerEnv = Object.fromEntries(argsOf('ENV').flatMap((args) => args.split(/\s+/).map((pair) => pair.split('=') as [string, string])));

/** Every environment variable the service reads: env.NAME / process.env.NAME anywhere under src/. */
function variablesTheServiceReads(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) for (const [, name] of readFileSync(path, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)) names.add(name!);
    }
  };
  walk(join(root, 'src'));
  return names;
}

describe('Dockerfile and compose.yaml', () => {
  const app = compose.services.app!;
  const db = compose.services.db!;

  it('every file the Dockerfile copies is in the repository, and what it starts is shipped with its runtime', () => {
    const sources = argsOf('COPY').flatMap((args) => args.split(/\s+/).slice(0, -1));
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'src', 'solver', 'db']));
    for (const source of sources) expect(existsSync(join(root, source)), `COPY ${source}`).toBe(true);
    const cmd = JSON.parse(argsOf('CMD').at(-1)!) as string[];
    expect(cmd).toEqual(['node_modules/.bin/tsx', 'src/main.ts']);
    expect(existsSync(join(root, cmd[1]!))).toBe(true);
    // npm ci --omit=dev: what runs the service must be a runtime dependency.
    expect(argsOf('RUN').join(' ')).toContain('npm ci --omit=dev');
    expect(packageJson.dependencies).toHaveProperty('tsx');
    // The same Node major as the project's engines and CI.
    expect(argsOf('FROM')[0]).toMatch(/^node:20-/);
  });

  it('every environment variable the image and the compose service set is one the service reads', () => {
    const read = variablesTheServiceReads();
    expect(read).toContain('DATABASE_URL');
    const set = [...Object.keys(dockerEnv).filter((name) => name !== 'NODE_ENV'), ...Object.keys(app.environment ?? {})];
    expect(set.length).toBeGreaterThan(3);
    expect(set.filter((name) => !read.has(name)), 'set but never read').toEqual([]);
  });

  it('the app reaches the database service with its credentials, and its port, data directory and health check line up', () => {
    expect(app.build).toBe('.');
    expect(app.depends_on).toHaveProperty('db');
    const url = new URL(app.environment!.DATABASE_URL!);
    expect(url.hostname).toBe('db');
    expect(url.port).toBe('5432');
    expect(decodeURIComponent(url.username)).toBe(db.environment!.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(db.environment!.POSTGRES_PASSWORD);
    expect(url.pathname.slice(1)).toBe(db.environment!.POSTGRES_DB);
    const port = app.environment!.PORT ?? dockerEnv.PORT;
    // Published on the host's loopback only: the service listens on 0.0.0.0 inside the container.
    expect(app.ports).toEqual([`127.0.0.1:${port}:${port}`]);
    expect(argsOf('EXPOSE')).toEqual([port]);
    expect(argsOf('HEALTHCHECK').join(' ')).toContain(`http://127.0.0.1:${port}/health`);
    expect(app.volumes!.some((volume) => volume.endsWith(`:${dockerEnv.ICC_DATA_DIR}`))).toBe(true);
    expect(argsOf('VOLUME')[0]).toContain(dockerEnv.ICC_DATA_DIR);
  });

  const composeCli = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!composeCli)('docker-compose parses compose.yaml and resolves the build (no daemon needed)', () => {
    const resolved = parse(execFileSync('docker-compose', ['-f', join(root, 'compose.yaml'), 'config'], { encoding: 'utf8' })) as typeof compose;
    expect(Object.keys(resolved.services).sort()).toEqual(['app', 'db']);
    expect(resolved.services.app!.build).toMatchObject({ context: root });
  });
});
