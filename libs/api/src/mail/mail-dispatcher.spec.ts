import { Logger } from '@nestjs/common';
import type { OutboxService } from '@jaarcyclus/mail';
import { MailDispatcher } from './mail-dispatcher';

describe('MailDispatcher: work after the response', () => {
  const dispatcher = () => new MailDispatcher({} as OutboxService);

  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('tries a failed job again after each delay in turn, until it succeeds', async () => {
    const d = dispatcher();
    let calls = 0;
    const job = jest.fn(async () => {
      calls += 1;
      if (calls < 3) throw new Error('relay down');
    });
    d.run(job, [60_000, 300_000, 900_000]);
    await d.settled();
    expect(job).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(59_000);
    expect(job).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1_000);
    await d.settled();
    expect(job).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(300_000);
    await d.settled();
    expect(job).toHaveBeenCalledTimes(3);
    // Succeeded: the last delay is never used.
    await jest.advanceTimersByTimeAsync(900_000);
    expect(job).toHaveBeenCalledTimes(3);
  });

  it('gives up after the last delay, and never retries a job given none', async () => {
    const d = dispatcher();
    const failing = jest.fn(() => Promise.reject(new Error('relay down')));
    const once = jest.fn(() => Promise.reject(new Error('relay down')));
    d.run(failing, [1_000]);
    d.run(once);
    await jest.advanceTimersByTimeAsync(10_000);
    await d.settled();
    expect(failing).toHaveBeenCalledTimes(2);
    expect(once).toHaveBeenCalledTimes(1);
  });

  it('drops the retries still waiting when the application shuts down', async () => {
    const d = dispatcher();
    const job = jest.fn(() => Promise.reject(new Error('relay down')));
    d.run(job, [60_000]);
    await d.settled();
    await d.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(job).toHaveBeenCalledTimes(1);
  });
});
