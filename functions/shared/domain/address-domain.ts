/** The domain of a mail address, or of `@domain` alone: what follows its last `@`, as written. */
export function domainOfAddress(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
