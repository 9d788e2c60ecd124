// The token of an `Authorization: Bearer <token>` header, or null when absent or of another scheme.
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer +([\x21-\x7e]{1,512})\s*$/i.exec(header);
  return match?.[1] ?? null;
}
