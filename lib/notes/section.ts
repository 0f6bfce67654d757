import 'server-only';
import { cache } from 'react';
import { NoteError } from './errors';
import { getNoteCounts, getNotesPage } from './service';
import type { NotesPage } from './types';

export type NotesSectionData = ({ status: 'ok' } & NotesPage) | { status: 'unavailable' };

/** The first page of a lesson's notes for the lesson page; 'unavailable' rather than an error when the database is down. */
export async function loadNotesSection(slug: string): Promise<NotesSectionData> {
  try {
    return { status: 'ok', ...(await getNotesPage(slug)) };
  } catch (error) {
    if (error instanceof NoteError && error.code === 'notes_unavailable') return { status: 'unavailable' };
    throw error;
  }
}

/** Note counts for the course index, fetched once per request however many cards ask. */
export const noteCountsForRequest = cache(getNoteCounts);
