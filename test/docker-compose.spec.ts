import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { API_ENV } from '@jaarcyclus/api/config';
import { WORKER_ENV } from '@jaarcyclus/worker/config';

// There is no Docker engine on the development machines, so the production-like topology is
// checked by reading it: a compose file that would not start is caught here.
interface ComposeService {
  image?: string;
  restart?: string;
  networks?: string[];
  command?: unknown;
  build?: unknown;
  environment?: Record<string, string>;
  depends_on?: string[] | Record<string, unknown>;
  secrets?: (string | { source: string; target?: string })[];
  ports?: string[];
  healthcheck?: { test?: string[] };
}
const compose = parse(fs.readFileSync(path.join(__dirname, '..', 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as {
  services: Record<string, ComposeService>;
  secrets?: Record<string, { file?: string }>;
  networks?: Record<string, { internal?: boolean } | null>;
};
const services = compose.services;

/** user, password and host of a DATABASE_URL whose password is a `${…}` of compose (not a URL yet). */
function databaseUrlParts(url: string): { password: string; host: string } {
  const match = /^postgres:\/\/[^:]+:(\$\{[^}]+\}|[^@]*)@([^:/]+)[:/]/.exec(url);
  if (!match) throw new Error(`not a postgres URL: ${url}`);
  return { password: match[1]!, host: match[2]! };
}

describe('docker-compose.yml', () => {
  it('has the production-like topology: PostgreSQL, Temporal on PostgreSQL (server + admin-tools), its UI, api, worker', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([
        'postgresql',
        'temporal-schema',
        'temporal',
        'temporal-namespace',
        'temporal-ui',
        'api',
        'worker',
      ]),
    );
    // temporalio/auto-setup is deprecated: the server image, its schema set up by admin-tools.
    expect(services.temporal?.image).toMatch(/^temporalio\/server:/);
    expect(services['temporal-schema']?.image).toMatch(/^temporalio\/admin-tools:/);
    expect(JSON.stringify(services['temporal-schema']?.command)).toContain('update-schema');
    expect(Object.values(services).some((s) => s.image?.includes('auto-setup'))).toBe(false);
    expect(services.temporal?.environment?.DB).toBe('postgres12');
    expect(services.temporal?.environment?.POSTGRES_SEEDS).toBe('postgresql');
  });

  // No password in the file: each comes from .env (git-ignored), required (`${VAR:?…}`).
  it('has no default password or relay credentials', () => {
    const required = /^\$\{[A-Z_]+:\?[^}]+\}$/;
    for (const [name, service] of Object.entries(services)) {
      const env = service.environment ?? {};
      for (const key of ['POSTGRES_PASSWORD', 'POSTGRES_PWD', 'SQL_PASSWORD', 'SMTP_URL']) {
        if (env[key] !== undefined)
          expect([name, key, env[key]]).toEqual([name, key, expect.stringMatching(required)]);
      }
      if (env.DATABASE_URL !== undefined) {
        const { password } = databaseUrlParts(env.DATABASE_URL);
        expect([name, password]).toEqual([name, expect.stringMatching(required)]);
      }
    }
    expect(fs.readFileSync(path.join(__dirname, '..', '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
  });

  it('publishes only the api and the Temporal UI, on 127.0.0.1; PostgreSQL and Temporal on an internal network', () => {
    const published = Object.entries(services).filter(([, s]) => (s.ports ?? []).length > 0);
    expect(published.map(([n]) => n).sort()).toEqual(['api', 'temporal-ui']);
    for (const [, s] of published) for (const p of s.ports!) expect(p).toMatch(/^127\.0\.0\.1:/);
    expect(compose.networks?.backend?.internal).toBe(true);
    for (const name of ['postgresql', 'temporal'])
      expect(services[name]?.networks).toEqual(['backend']);
  });

  it('restarts every long-running service, and retries the one-shot jobs', () => {
    for (const name of ['postgresql', 'temporal', 'temporal-ui', 'api', 'worker']) {
      expect([name, services[name]?.restart]).toEqual([name, 'unless-stopped']);
    }
    for (const name of ['temporal-schema', 'temporal-namespace', 'migrate']) {
      expect([name, services[name]?.restart]).toEqual([name, expect.stringMatching(/^on-failure/)]);
    }
  });

  it('takes PUBLIC_URL (the https address) and the mail relay from .env, required', () => {
    for (const name of ['api', 'worker']) {
      const env = services[name]?.environment ?? {};
      expect(env.PUBLIC_URL).toMatch(/^\$\{PUBLIC_URL:\?.*https/);
      expect(env.SMTP_URL).toMatch(/^\$\{SMTP_URL:\?/);
    }
  });

  it.each(Object.entries(services))('pins the image of %s', (_name, service) => {
    expect(service.image).toBeDefined();
    const image = service.image!;
    const tag = image.includes('@') ? image.split('@')[1] : image.split(':')[1];
    expect(tag).toBeTruthy();
    expect(tag).not.toBe('latest');
  });

  // Required variables must be set; so must every variable whose default points at this machine
  // (127.0.0.1 / localhost), which inside a container would be the container itself.
  it.each([
    ['api', API_ENV],
    ['worker', WORKER_ENV],
  ] as const)('sets every environment variable the %s requires', (name, spec) => {
    const env = services[name]?.environment ?? {};
    const local = Object.entries(spec.defaults as Record<string, string>)
      .filter(([, value]) => /127\.0\.0\.1|localhost/.test(value))
      .map(([key]) => key);
    const missing = [...spec.required, ...local].filter((key) => !env[key]);
    // Of each group one (e.g. the payload keys inline or as a file).
    const missingOneOf = spec.requiredOneOf
      .filter((group) => !group.some((key) => env[key]))
      .map((group) => group.join(' or '));
    expect([...missing, ...missingOneOf]).toEqual([]);
  });

  // The payload keys are a secret: not in the file, and not in .env either, but mounted from a
  // Docker secret (filled by a KMS or secret manager); the key id comes from .env, required.
  it.each(['api', 'worker'])('gives the %s the payload keys as a mounted secret', (name) => {
    const service = services[name]!;
    const env = service.environment ?? {};
    expect(env.TEMPORAL_PAYLOAD_KEYS).toBeUndefined();
    const file = env.TEMPORAL_PAYLOAD_KEYS_FILE!;
    const match = /^\/run\/secrets\/([\w-]+)$/.exec(file);
    expect(match).not.toBeNull();
    const secret = match![1]!;
    const mounted = (service.secrets ?? []).map((s) => (typeof s === 'string' ? s : s.source));
    expect(mounted).toContain(secret);
    expect(compose.secrets?.[secret]?.file).toBeTruthy();
    expect(env.TEMPORAL_PAYLOAD_KEY_ID).toMatch(/^\$\{TEMPORAL_PAYLOAD_KEY_ID:\?/);
  });

  // Schakeltrajecten answer 503 without the personal data keys: the api gets them as a mounted
  // secret of their own (not the payload keys' one); the worker holds none.
  it('gives the api, and only the api, the personal data keys as a mounted secret', () => {
    const api = services.api!;
    const env = api.environment ?? {};
    expect(env.PERSONAL_DATA_KEYS).toBeUndefined();
    const match = /^\/run\/secrets\/([\w-]+)$/.exec(env.PERSONAL_DATA_KEYS_FILE ?? '');
    expect(match).not.toBeNull();
    const secret = match![1]!;
    expect(secret).not.toBe(
      /^\/run\/secrets\/([\w-]+)$/.exec(env.TEMPORAL_PAYLOAD_KEYS_FILE!)?.[1],
    );
    const mounted = (api.secrets ?? []).map((s) => (typeof s === 'string' ? s : s.source));
    expect(mounted).toContain(secret);
    expect(compose.secrets?.[secret]?.file).toBeTruthy();
    expect(env.PERSONAL_DATA_KEY_ID).toMatch(/^\$\{PERSONAL_DATA_KEY_ID:\?/);
    const worker = services.worker!;
    const workerMounts = (worker.secrets ?? []).map((s) => (typeof s === 'string' ? s : s.source));
    expect(workerMounts).not.toContain(secret);
    expect(
      Object.keys(worker.environment ?? {}).filter((k) => k.startsWith('PERSONAL_DATA')),
    ).toEqual([]);
  });

  it('points the Temporal Web UI at the codec endpoint of the api, which allows its origin', () => {
    const ui = services['temporal-ui']?.environment ?? {};
    const api = services.api?.environment ?? {};
    expect(ui.TEMPORAL_CODEC_ENDPOINT).toMatch(/^\$\{PUBLIC_URL:\?[^}]*\}\/api\/temporal-codec$/);
    expect(ui.TEMPORAL_CODEC_INCLUDE_CREDENTIALS).toBe('true');
    expect(api.TEMPORAL_UI_ORIGIN).toMatch(/^\$\{TEMPORAL_UI_ORIGIN:\?/);
  });

  it('serves no API docs in production (API_DOCS off, as is the default)', () => {
    expect(services.api?.environment?.API_DOCS).toBe('off');
    expect(API_ENV.defaults.API_DOCS).toBe('off');
  });

  it('points the apps at services that exist in the file', () => {
    for (const name of ['api', 'worker']) {
      const env = services[name]?.environment ?? {};
      // The mail relay is outside (from .env); the rest must be services of this file.
      const hosts = [databaseUrlParts(env.DATABASE_URL!).host, env.TEMPORAL_ADDRESS!.split(':')[0]];
      for (const host of hosts) expect(Object.keys(services)).toContain(host);
    }
  });

  it('guards /metrics of the api and the worker with a token from .env and probes readiness and liveness', () => {
    for (const name of ['api', 'worker']) {
      expect(services[name]?.environment?.METRICS_TOKEN).toMatch(/^\$\{METRICS_TOKEN:\?/);
      expect(services[name]?.environment?.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(
        '${OTEL_EXPORTER_OTLP_ENDPOINT:-}',
      );
    }
    expect(services.worker?.environment?.METRICS_PORT).toBe('9464');
    expect(services.api?.healthcheck?.test?.join(' ')).toContain('/health/ready');
    expect(services.worker?.healthcheck?.test?.join(' ')).toContain('/health/live');
  });
});
