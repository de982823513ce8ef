/** What every mail has: the greeting, the footer, how it writes a deadline. */
export const common = {
  greeting: (name: string) => `Beste ${name},`,
  footer: (org: string) => `Dit bericht is verstuurd door Jaarcyclus namens ${org}.`,
  /** A date and time in a mail: a Dutch reader reads Dutch time. */
  instant: (dateTime: string) => dateTime,
  days: (n: number) => (n === 1 ? '1 dag' : `${n} dagen`),
};
