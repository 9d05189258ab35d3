import { PAGE_STATE_ID, pageStateSchema, type PageState } from '../page-state';

/** Reads the state a page was rendered with; undefined for a page that is not one of the emulator's. */
export function readPageState(doc: Document): PageState | undefined {
  const text = doc.getElementById(PAGE_STATE_ID)?.textContent;
  if (!text) return undefined;
  try {
    const parsed = pageStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
