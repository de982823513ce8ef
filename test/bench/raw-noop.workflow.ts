// The raw engine baseline for bench:fanout: a workflow that does nothing, so starting N of them
// measures only client.workflow.start and the first workflow task. Bundled separately; never
// part of the service.
export async function rawNoopWorkflow(): Promise<void> {
  // nothing
}
