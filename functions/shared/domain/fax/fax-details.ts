/** What a fax gateway says about a fax it received, as far as it says it. */
export interface FaxDetails {
  /** Name of the gateway that delivered it, when it was recognised. */
  readonly gateway?: string;
  /** The calling number: E.164 when it could be normalised, else as the gateway wrote it. */
  readonly callerNumber?: string;
  /** Remote station id (TSI): what the sending machine calls itself, set by its owner. */
  readonly remoteStationId?: string;
  readonly pages?: number;
}
