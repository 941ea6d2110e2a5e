/** The reason an article failed, as one line: an InputError's message is already meant for the user. */
export function failureReason(e: unknown): string {
  if (e instanceof Error && e.name === 'InputError') return e.message.split('\n')[0]!;
  const msg = e instanceof Error ? e.message : String(e);
  return 'the analyzer failed: ' + msg.split('\n')[0]!.slice(0, 300);
}
