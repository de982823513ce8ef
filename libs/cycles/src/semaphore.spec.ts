import { semaphore } from './semaphore';

describe('semaphore', () => {
  it('keeps at most `size` holders at once and serves the others in arrival order', async () => {
    const slot = semaphore(2);
    let inFlight = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        slot(async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          order.push(i);
          await new Promise((r) => setTimeout(r, 5));
          inFlight -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('frees the slot when the holder fails', async () => {
    const slot = semaphore(1);
    await expect(slot(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slot(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
