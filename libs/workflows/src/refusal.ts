import { ApplicationFailure } from '@temporalio/workflow';
import type { DomainErrorCode } from '@jaarcyclus/domain';
import {
  codedText,
  renderText,
  type CodedText,
  type TextArgs,
  type TextCode,
} from '@jaarcyclus/i18n/core';

/**
 * Why a command (Update) was refused. `code` is the domain error code the api's exception
 * filter maps to an HTTP status; `reason` is a stable machine-readable cause; `message` is
 * what a person reads.
 */
export interface Refusal {
  code: DomainErrorCode;
  reason: RefusalReason;
  message: string;
  field?: string;
  /** `message` by code (libs/i18n), for the edge to write in its reader's language. */
  text?: CodedText;
}

export type RefusalReason =
  | 'UNKNOWN_BODY'
  | 'NOT_A_MEMBER'
  | 'MEMBER_OF_OTHER_BODY'
  | 'ROUND_NOT_OPEN'
  | 'ROUND_CLOSED'
  | 'DEADLINE_PASSED'
  | 'INVALID_VOTE_VALUE'
  | 'INVALID_DEADLINE'
  | 'DEADLINE_NOT_LATER'
  | 'DEADLINE_REQUIRED'
  | 'NOT_ESCALATED'
  | 'NO_OPEN_BODY'
  | 'NOT_AWAITING_REVISION'
  | 'INVALID_PROPOSAL'
  | 'NOT_DIRECTOR'
  | 'NOT_AWAITING_ADOPTION'
  | 'INVALID_INPUT'
  | 'NOT_AWAITING_REFERRAL'
  | 'NO_OPEN_DISPUTE'
  | 'DISPUTE_UNRESOLVED'
  | 'NOT_YOUR_SCHOOL'
  | 'EVALUATION_CLOSED';

/** Payload of the refusal's ApplicationFailure `details[0]`. */
export interface RefusalDetails {
  reason: RefusalReason;
  field?: string;
  text?: CodedText;
}

/** A refusal a person reads: named by its text code; `message` is its English text. */
export function refusalOf<C extends TextCode>(
  code: DomainErrorCode,
  reason: RefusalReason,
  field: string | undefined,
  text: C,
  ...params: TextArgs<C>
): Refusal {
  const coded = codedText(text, ...params);
  return {
    code,
    reason,
    message: renderText('en', coded),
    ...(field ? { field } : {}),
    text: coded,
  };
}

/**
 * Throws the refusal as a non-retryable ApplicationFailure: thrown in an Update validator it
 * rejects the Update (nothing is written to history); the client sees
 * `WorkflowUpdateFailedError` whose `cause` is this failure (`type` = domain code).
 */
export function throwRefusal(refusal: Refusal): never {
  const details: RefusalDetails = {
    reason: refusal.reason,
    ...(refusal.field ? { field: refusal.field } : {}),
    ...(refusal.text ? { text: refusal.text } : {}),
  };
  throw ApplicationFailure.create({
    type: refusal.code,
    message: refusal.message,
    nonRetryable: true,
    details: [details],
  });
}

export function refuseIf(refusal: Refusal | null): void {
  if (refusal) throwRefusal(refusal);
}
