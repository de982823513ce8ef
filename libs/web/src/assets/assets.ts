import { createHash } from 'node:crypto';
import { APP_CSS } from './app-css';
import { APP_JS } from './app-js';

export interface Asset {
  body: string;
  contentType: string;
  /** Content hash: the URL carries it, so browsers may cache the file for a year. */
  version: string;
}

function asset(body: string, contentType: string): Asset {
  return {
    body,
    contentType,
    version: createHash('sha256').update(body).digest('hex').slice(0, 12),
  };
}

export const ASSETS = {
  css: asset(APP_CSS, 'text/css; charset=utf-8'),
  js: asset(APP_JS, 'text/javascript; charset=utf-8'),
} as const;

export const ASSET_FILES: Record<string, Asset> = {
  'app.css': ASSETS.css,
  'app.js': ASSETS.js,
};

export function assetHref(kind: keyof typeof ASSETS): string {
  return `/assets/app.${kind}?v=${ASSETS[kind].version}`;
}
