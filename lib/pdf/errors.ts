/** A PDF that could not be read; its message is plain Chinese, fit to show the editor. */
export class PdfReadError extends Error {
  constructor(
    public code: "empty" | "not_pdf" | "encrypted" | "corrupt" | "too_large" | "tool_missing",
    message: string,
  ) {
    super(message);
    this.name = "PdfReadError";
  }
}
