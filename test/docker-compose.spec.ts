import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { API_ENV } from '@jaarcyclus/api/config';
import { WORKER_ENV } from '@jaarcyclus/worker/config';

// There is no Docker engine on the development machines, so the production-like topology is
// checked by reading it: a compose file that would not start is caught here.
interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  depends_on?: string[] | Record<string, unknown>;
  secrets?: (string | { source: string; target?: string })[];
  ports?: string[];
  healthcheck?: { test?: string[] };
}
const compose = parse(fs.readFileSync(path.join(__dirname, '..', 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, ComposeService>; secrets?: Record<string, { file?: string }> };
const services = compose.services;

describe('docker-compose.yml', () => {
  it('has the production-like topology: PostgreSQL, Temporal on PostgreSQL, its UI, mail, api, worker', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgresql', 'temporal', 'temporal-ui', 'mail', 'api', 'worker']),
    );
    expect(services.temporal?.environment?.DB).toBe('postgres12');
    expect(services.temporal?.environment?.POSTGRES_SEEDS).toBe('postgresql');
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

  it('points the Temporal Web UI at the codec endpoint of the api, which allows its origin', () => {
    const ui = services['temporal-ui']?.environment ?? {};
    const api = services.api?.environment ?? {};
    expect(ui.TEMPORAL_CODEC_ENDPOINT).toBe(`${api.PUBLIC_URL}/api/temporal-codec`);
    expect(ui.TEMPORAL_CODEC_INCLUDE_CREDENTIALS).toBe('true');
    const uiPort = services['temporal-ui']!.ports!.map((p) => p.split(':')[0]);
    expect(api.TEMPORAL_UI_ORIGIN).toBe(`http://localhost:${uiPort[0]}`);
  });

  it('serves no API docs in production (API_DOCS off, as is the default)', () => {
    expect(services.api?.environment?.API_DOCS).toBe('off');
    expect(API_ENV.defaults.API_DOCS).toBe('off');
  });

  it('points the apps at services that exist in the file', () => {
    for (const name of ['api', 'worker']) {
      const env = services[name]?.environment ?? {};
      const hosts = [
        new URL(env.DATABASE_URL!).hostname,
        env.TEMPORAL_ADDRESS!.split(':')[0],
        new URL(env.SMTP_URL!).hostname,
      ];
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
