import { condition, defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';

// The raw engine baseline for bench:vote: the smallest workflow that takes an Update and shows
// its effect in a Query. Bundled separately; never part of the service.
export const recordUpdate = defineUpdate<number, [string]>('record');
export const recordedQuery = defineQuery<string[]>('recorded');

export async function rawEchoWorkflow(): Promise<void> {
  const seen: string[] = [];
  setHandler(recordUpdate, (id: string) => {
    if (!seen.includes(id)) seen.push(id);
    return seen.length;
  });
  setHandler(recordedQuery, () => seen);
  await condition(() => false);
}
