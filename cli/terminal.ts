/**
 * Text from a scenario (a title, an unknown key, a file name) reaches the
 * terminal only escaped: an ESC or BEL in it could clear the screen, recolour
 * it or retitle the window, and a bidirectional override could reorder what
 * is read. Control characters are shown as `\u001b`.
 */

// C0 but tab and newline, DEL, C1, and the bidirectional embeddings, overrides and isolates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The same with tab and newline: for one-line values such as titles and messages.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// JSON.stringify already escapes C0; these are the rest.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const asEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Escape control characters, keeping the text's own line breaks and tabs. */
export const escapeControls = (text: string): string => text.replace(CONTROL, asEscape);

/** Escape control characters and line breaks: the value stays on one line. */
export const escapeLine = (text: string): string => text.replace(CONTROL_OR_BREAK, asEscape);

/** JSON text with every character a terminal could act on escaped (still the same JSON). */
export const safeJson = (json: string): string => json.replace(JSON_UNSAFE, asEscape);

/** Does the text hold a character a terminal could act on (besides tab and newline)? */
export const hasControls = (text: string): boolean => new RegExp(CONTROL.source).test(text);
