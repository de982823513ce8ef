/** A variable with a bad or missing value; the message names it (see index.ts). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
