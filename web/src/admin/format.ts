/** Display helpers shared by console pages. */

/**
 * A short form of a UUID for tables. UUIDv7 ids begin with a timestamp, so ids made close together share
 * their first characters: show the random tail instead (the full id goes in a title/tooltip).
 */
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}
