/**
 * A failed mail attempt this recent still counts as mail trouble (/health, the secretariat's
 * mail problems): the activities' retries back off to 10 minutes, so a relay that keeps
 * refusing stays visible, and a sign-in mail that failed once (never retried) drops out.
 */
export const MAIL_TROUBLE_MINUTES = 15;
