/** What reading a document's text gave: its text, or why it was not read. */
export interface TextReading {
  readonly text: string;
  readonly textRead: boolean;
  readonly notReadReason?: string;
  /** Not read because a bound on the message's work was reached: no later step reads it either. */
  readonly beyondReadLimit?: boolean;
  /** The decoder was stopped past its time or memory bound, or failed: nothing reads the document again. */
  readonly decoderStopped?: boolean;
}

export function textWasRead(text: string): TextReading {
  return { text, textRead: true };
}

export function textNotRead(reason: string): TextReading {
  return { text: '', textRead: false, notReadReason: reason };
}

export function textBeyondReadLimit(reason: string): TextReading {
  return { ...textNotRead(reason), beyondReadLimit: true };
}

export function textDecoderStopped(reason: string): TextReading {
  return { ...textBeyondReadLimit(reason), decoderStopped: true };
}
