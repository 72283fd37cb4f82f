/** What reading a document's text gave: its text, or why it was not read. */
export interface TextReading {
  readonly text: string;
  readonly textRead: boolean;
  readonly notReadReason?: string;
}

export function textWasRead(text: string): TextReading {
  return { text, textRead: true };
}

export function textNotRead(reason: string): TextReading {
  return { text: '', textRead: false, notReadReason: reason };
}
