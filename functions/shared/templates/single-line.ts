/** A run holding a control character or a Unicode line separator, with the blanks around it. */
const LINE_BREAKING = /[\s\p{Cc}]*[\p{Cc}\u2028\u2029][\s\p{Cc}]*/gu;

/** Puts a value from outside on one line, so it can neither inject a header nor break a layout. */
export function singleLine(value: string): string {
  return value.replace(LINE_BREAKING, ' ').trim();
}
