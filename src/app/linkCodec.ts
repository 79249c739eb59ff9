/**
 * A scenario inside a link's fragment: JSON, deflated with the browser's own
 * CompressionStream, in base64url. The fragment never reaches the server (no
 * "431 header too large" however long the run), and deflate shrinks a
 * scenario's repetitive JSON about tenfold.
 */

const FORMAT = 'deflate';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...bytes) overflows the stack on big arrays.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('it holds characters outside base64url');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    // A few bytes can unpack to gigabytes: stop at the cap instead of filling memory.
    if (size > limit) {
      await reader.cancel();
      throw new Error(`it unpacks to more than ${limit / 1024 / 1024} MiB`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function pipe(bytes: Uint8Array, through: CompressionStream | DecompressionStream) {
  return new Blob([bytes as BlobPart]).stream().pipeThrough(through) as ReadableStream<Uint8Array>;
}

/** Scenario JSON text → the fragment's packed form. */
export async function packScenario(json: string): Promise<string> {
  const bytes = new TextEncoder().encode(json);
  const packed = await readAll(pipe(bytes, new CompressionStream(FORMAT)), Infinity);
  return toBase64Url(packed);
}

/**
 * The fragment's packed form → scenario JSON text, at most `limitBytes` of it
 * (the caller passes the scenario size limit: this module loads on its own,
 * only for packed links, and takes nothing from the core).
 * @throws Error saying why the text is not a packed scenario.
 */
export async function unpackScenario(packed: string, limitBytes: number): Promise<string> {
  const bytes = fromBase64Url(packed);
  let unpacked: Uint8Array;
  try {
    unpacked = await readAll(pipe(bytes, new DecompressionStream(FORMAT)), limitBytes);
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(message.startsWith('it ') ? message : 'it is not deflate-compressed data');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(unpacked);
  } catch {
    throw new Error('it does not unpack to UTF-8 text');
  }
}
