/**
 * The app's own fonts, embedded in an exported picture: an SVG opened on its
 * own, or drawn as an image to make the PNG, cannot load the page's web
 * fonts, and would fall back to whatever the viewer has.
 */
import monoUrl from '@fontsource-variable/jetbrains-mono/files/jetbrains-mono-latin-wght-normal.woff2?url';
import interUrl from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';

const FACES = [
  { family: 'Inter Variable', url: interUrl },
  { family: 'JetBrains Mono Variable', url: monoUrl },
] as const;

const dataUrls = new Map<string, Promise<string>>();

function dataUrl(url: string): Promise<string> {
  let pending = dataUrls.get(url);
  if (!pending) {
    pending = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
        return response.blob();
      })
      .then(
        (blob) =>
          new Promise<string>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () =>
              resolve(String(reader.result).replace(/^data:[^;]*;/, 'data:font/woff2;'));
            reader.onerror = () => reject(reader.error ?? new Error('could not read a font'));
            reader.readAsDataURL(blob);
          }),
      );
    // A failed fetch is tried again next time.
    pending.catch(() => dataUrls.delete(url));
    dataUrls.set(url, pending);
  }
  return pending;
}

/** `@font-face` rules for the app's fonts that `svg` names, with the fonts inline. */
export async function embeddedFontCss(svg: string): Promise<string> {
  const used = FACES.filter((face) => svg.includes(face.family));
  const rules = await Promise.all(
    used.map(
      async (face) =>
        `@font-face{font-family:"${face.family}";font-style:normal;font-weight:100 900;src:url(${await dataUrl(face.url)}) format("woff2")}`,
    ),
  );
  return rules.join('');
}

/** `svg` (a standalone document) with its fonts embedded in a style sheet of its own. */
export async function withEmbeddedFonts(svg: string): Promise<string> {
  const css = await embeddedFontCss(svg);
  if (!css) return svg;
  const open = svg.indexOf('>', svg.indexOf('<svg'));
  return `${svg.slice(0, open + 1)}<style>${css}</style>${svg.slice(open + 1)}`;
}
