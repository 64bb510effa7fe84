/**
 * What the writer put in an entry last time for one attachment, to tell the user's edits from
 * its own (the merge itself happens where the header is rewritten, in upsert-entry).
 */
export interface GeneratedValues {
  title: string;
  area: string;
  fieldKeys: string[];
}
