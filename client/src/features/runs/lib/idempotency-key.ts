/**
 * A fresh Idempotency-Key, made when the user acts. crypto.getRandomValues works on plain-HTTP
 * sites too (crypto.randomUUID needs a secure context, which a hall's intranet may not be).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
