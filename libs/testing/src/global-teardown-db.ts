export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __jaarcyclusPg?: { stop: () => Promise<void> } }).__jaarcyclusPg;
  await server?.stop();
}
