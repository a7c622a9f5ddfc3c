/**
 * After `vite build`: precompress every text asset (brotli at maximum quality and gzip level 9,
 * written beside it as `.br` / `.gz`, served by @fastify/static's `preCompressed`), then print the
 * bytes each route downloads before it can paint: raw / gzip / brotli.
 *
 * A route's bytes are its entry chunks and everything they import statically (Vite's manifest,
 * dist/web/.vite/manifest.json), plus their CSS. Lazy chunks a page opens later (the map, charts)
 * are not counted. The manifest is removed afterwards (it is not for the public web root).
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const webDir = path.resolve(process.argv[2] ?? 'dist/web');
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|xml|wasm)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** The routes reported, as the manifest keys of the chunks their first paint needs. */
const ROUTES: Record<string, string[]> = {
  'portal search (/institutions)': ['index.html', 'src/public/institutions/SearchPage.tsx'],
  'portal detail (/institutions/:id)': ['index.html', 'src/public/institutions/DetailPage.tsx'],
  'console login (/admin/login)': ['index.html', 'src/admin/AdminApp.tsx'],
};

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

function compress(file: string): Sizes {
  const bytes = readFileSync(file);
  const gz = gzipSync(bytes, { level: 9 });
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  // index.html is read on every load and revalidated (no-cache); it is under 1 KB anyway.
  if (bytes.length >= MIN_BYTES && path.basename(file) !== 'index.html') {
    if (gz.length < bytes.length) writeFileSync(`${file}.gz`, gz);
    if (br.length < bytes.length) writeFileSync(`${file}.br`, br);
  }
  return { raw: bytes.length, gzip: gz.length, brotli: br.length };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === '.vite') return [];
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** The files a route loads up front: its entries, their static imports (transitively) and CSS. */
function routeFiles(manifest: Manifest, entries: string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) {
      // A page renamed or moved: report it, never fail the build over the report.
      console.warn(`web-postbuild: the manifest has no chunk ${key} (update ROUTES)`);
      return;
    }
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const entry of entries) visit(entry);
  return [...files];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function main() {
  const sizes = new Map<string, Sizes>();
  for (const file of walk(webDir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    sizes.set(path.relative(webDir, file).split(path.sep).join('/'), compress(file));
  }
  console.log(`precompressed ${sizes.size} files in ${path.relative(process.cwd(), webDir)} (.br, .gz)`);
  const manifestFile = path.join(webDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) {
    console.log('no .vite/manifest.json: byte sizes per route not reported');
    return;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  // The manifest is for this report only: it must not be served from the web root.
  rmSync(path.join(webDir, '.vite'), { recursive: true, force: true });
  const rows = Object.entries(ROUTES).map(([route, entries]) => {
    const files = routeFiles(manifest, entries);
    const total: Sizes = { raw: 0, gzip: 0, brotli: 0 };
    for (const f of files) {
      const s = sizes.get(f);
      if (!s) continue;
      total.raw += s.raw;
      total.gzip += s.gzip;
      total.brotli += s.brotli;
    }
    return [route, String(files.length), kb(total.raw), kb(total.gzip), kb(total.brotli)];
  });
  const header = ['route (first paint)', 'files', 'raw', 'gzip', 'brotli'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

main();
