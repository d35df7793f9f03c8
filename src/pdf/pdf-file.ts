/** A PDF ready to send: what a service hands to a route, which sends it with `sendPdf`. */
export interface PdfFile {
  fileName: string;
  bytes: Uint8Array;
}
