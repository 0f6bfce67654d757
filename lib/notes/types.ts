/** A note as the page and the API show it: rendered, sanitized HTML and no private fields. */
export interface NoteView {
  id: number;
  displayName: string;
  sdkVersion: string;
  /** ISO 8601. */
  createdAt: string;
  /** Sanitized HTML from the untrusted Markdown pipeline. */
  html: string;
  /** "written for openai N" when the note targets an older SDK major than the lesson. */
  olderSdkLabel?: string;
}

/** Body of `GET /api/lessons/[slug]/notes`. */
export interface NotesPage {
  notes: NoteView[];
  /** Pass as `?before=` for the next, older page; null on the last page. */
  nextBefore: number | null;
}
