/**
 * The failure converter of every Client, Worker and workflow bundle: Temporal's default, with
 * the message and stack trace of every failure moved into `encodedAttributes`, a payload that
 * the payload codec encrypts like any other. Without it a failure's message (an activity error
 * naming a person, a refused command's reason) would stay in clear text in the history.
 *
 * Loaded by path (DataConverter.failureConverterPath): the TypeScript SDK takes the failure
 * converter as a module, so that the workflow sandbox (bundleWorkflows) and the Node side use
 * the same one. Workflow-safe: it imports only @temporalio/common.
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
