/**
 * A counting semaphore: at most `size` holders at once, served in arrival order. Bounds what a
 * fan-out keeps in flight (workflow starts, mail batches) within one worker.
 */
export function semaphore(size: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let free = size;
  const queue: (() => void)[] = [];
  return async (fn) => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      return await fn();
    } finally {
      const next = queue.shift();
      if (next) next();
      else free += 1;
    }
  };
}
