/**
 * A budget for a run's console output. A program that prints in a tight loop would otherwise flood the page;
 * past the budget, output is dropped and the run is marked truncated (it keeps running until it ends or is stopped).
 */
export const DEFAULT_MAX_OUTPUT_CHARS = 200_000;
export const DEFAULT_MAX_OUTPUT_ENTRIES = 5_000;

export class OutputBudget {
  private chars = 0;
  private entries = 0;
  truncated = false;

  constructor(
    readonly maxChars = DEFAULT_MAX_OUTPUT_CHARS,
    readonly maxEntries = DEFAULT_MAX_OUTPUT_ENTRIES,
  ) {}

  /** The part of `text` that fits, or `null` once the budget is spent. */
  take(text: string): string | null {
    if (this.truncated) return null;
    if (this.entries >= this.maxEntries) {
      this.truncated = true;
      return null;
    }
    const room = this.maxChars - this.chars;
    this.entries++;
    if (text.length <= room) {
      this.chars += text.length;
      return text;
    }
    this.truncated = true;
    this.chars = this.maxChars;
    return room > 0 ? text.slice(0, room) : null;
  }
}
